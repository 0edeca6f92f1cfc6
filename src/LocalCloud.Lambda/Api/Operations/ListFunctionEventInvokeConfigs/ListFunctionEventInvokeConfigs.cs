using LocalCloud.Core;
using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Api.Shapes;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>GET /2019-09-25/functions/{FunctionName}/event-invoke-config/list: at most one entry, as only $LATEST exists here.</summary>
internal sealed class ListFunctionEventInvokeConfigs(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var function = state.Require(FunctionReference.Parse(path.GetValueOrDefault("FunctionName"), request.Context));
        IReadOnlyList<FunctionEventInvokeConfig> configs = function.EventInvokeConfig is { } settings ? [EventInvokeConfigMapper.ToShape(function, settings)] : [];
        return Task.FromResult(LambdaJson.Write(200, new ListFunctionEventInvokeConfigsResponse(configs)));
    }
}
