using LocalCloud.Lambda.Api.Shapes;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>The members of CreateFunctionRequest LocalCloud acts on; others (VpcConfig, Layers, ...) are accepted and ignored.</summary>
internal sealed record CreateFunctionRequest
{
    public string? FunctionName { get; init; }
    public string? Runtime { get; init; }
    public string? Role { get; init; }
    public string? Handler { get; init; }
    public FunctionCodeInput? Code { get; init; }
    public string? Description { get; init; }
    public int? Timeout { get; init; }
    public int? MemorySize { get; init; }
    public EnvironmentInput? Environment { get; init; }
    public List<string>? Architectures { get; init; }
    public string? PackageType { get; init; }
    public Dictionary<string, string>? Tags { get; init; }
    public bool? Publish { get; init; }
}
