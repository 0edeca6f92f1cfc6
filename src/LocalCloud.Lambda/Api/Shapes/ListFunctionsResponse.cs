namespace LocalCloud.Lambda.Api.Shapes;

internal sealed record ListFunctionsResponse(IReadOnlyList<FunctionConfiguration> Functions, string? NextMarker);
