using LocalCloud.Lambda.Api.Shapes;

namespace LocalCloud.Lambda.Api.Operations;

internal sealed record CreateAliasRequest
{
    public string? Name { get; init; }
    public string? FunctionVersion { get; init; }
    public string? Description { get; init; }
    public AliasRoutingConfiguration? RoutingConfig { get; init; }
}
