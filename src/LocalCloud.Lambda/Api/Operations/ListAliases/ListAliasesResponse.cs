using LocalCloud.Lambda.Api.Shapes;

namespace LocalCloud.Lambda.Api.Operations;

internal sealed record ListAliasesResponse(IReadOnlyList<AliasConfiguration> Aliases, string? NextMarker);
