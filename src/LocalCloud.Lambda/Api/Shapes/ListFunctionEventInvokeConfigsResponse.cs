namespace LocalCloud.Lambda.Api.Shapes;

internal sealed record ListFunctionEventInvokeConfigsResponse(IReadOnlyList<FunctionEventInvokeConfig> FunctionEventInvokeConfigs, string? NextMarker = null);
