using LocalCloud.Lambda.Api.Shapes;

namespace LocalCloud.Lambda.Api.Operations;

internal sealed record ListVersionsByFunctionResponse(IReadOnlyList<FunctionConfiguration> Versions, string? NextMarker);
