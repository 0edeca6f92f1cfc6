using LocalCloud.Core;
using LocalCloud.Lambda.Api;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>GET /2019-09-25/functions/{FunctionName}/event-invoke-config; 404 when none was put.</summary>
internal sealed class GetFunctionEventInvokeConfig(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var function = state.Require(path, request);
        var settings = function.EventInvokeConfig ?? throw EventInvokeConfigMapper.NotFound(function);
        return Task.FromResult(LambdaJson.Write(200, EventInvokeConfigMapper.ToShape(function, settings)));
    }
}
