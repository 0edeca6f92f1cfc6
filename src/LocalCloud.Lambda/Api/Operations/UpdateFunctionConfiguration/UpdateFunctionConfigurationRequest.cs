using LocalCloud.Lambda.Api.Shapes;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>Absent members keep their current value; Environment, when present, replaces all variables.</summary>
internal sealed record UpdateFunctionConfigurationRequest
{
    public string? Role { get; init; }
    public string? Handler { get; init; }
    public string? Description { get; init; }
    public int? Timeout { get; init; }
    public int? MemorySize { get; init; }
    public EnvironmentInput? Environment { get; init; }
    public string? Runtime { get; init; }
    public string? RevisionId { get; init; }
}
