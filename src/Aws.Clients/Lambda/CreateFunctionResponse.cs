namespace Aws.Clients.Lambda;

/// <summary>Output of CreateFunction (the new function's configuration).</summary>
public sealed record CreateFunctionResponse : FunctionConfiguration;
