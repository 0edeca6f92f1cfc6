using LocalCloud.Core;
using LocalCloud.Lambda.Api;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>DELETE /2019-09-25/functions/{FunctionName}/event-invoke-config: 204; the defaults apply again.</summary>
internal sealed class DeleteFunctionEventInvokeConfig(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var function = state.Require(path, request);
        if (function.EventInvokeConfig is null)
        {
            throw EventInvokeConfigMapper.NotFound(function);
        }
        state.Change(function, r => r with { EventInvokeConfig = null });
        return Task.FromResult(ServiceResponse.Empty(204));
    }
}
