using LocalCloud.Lambda.Api.Shapes;

namespace LocalCloud.Lambda.Api.Operations;

internal sealed record UpdateAliasRequest
{
    public string? FunctionVersion { get; init; }
    public string? Description { get; init; }
    public AliasRoutingConfiguration? RoutingConfig { get; init; }
    public string? RevisionId { get; init; }
}
