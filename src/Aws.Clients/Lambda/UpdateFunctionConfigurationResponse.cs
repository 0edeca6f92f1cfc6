namespace Aws.Clients.Lambda;

/// <summary>Output of UpdateFunctionConfiguration (the function's configuration).</summary>
public sealed record UpdateFunctionConfigurationResponse : FunctionConfiguration;
