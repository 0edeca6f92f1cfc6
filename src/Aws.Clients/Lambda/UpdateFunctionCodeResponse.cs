namespace Aws.Clients.Lambda;

/// <summary>Output of UpdateFunctionCode (the function's configuration).</summary>
public sealed record UpdateFunctionCodeResponse : FunctionConfiguration;
