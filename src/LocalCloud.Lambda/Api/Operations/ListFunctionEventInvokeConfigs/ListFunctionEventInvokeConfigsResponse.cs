using LocalCloud.Lambda.Api.Shapes;

namespace LocalCloud.Lambda.Api.Operations;

internal sealed record ListFunctionEventInvokeConfigsResponse(IReadOnlyList<FunctionEventInvokeConfig> FunctionEventInvokeConfigs, string? NextMarker = null);
