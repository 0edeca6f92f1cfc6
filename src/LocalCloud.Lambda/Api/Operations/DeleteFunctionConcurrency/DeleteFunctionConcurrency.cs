using LocalCloud.Core;
using LocalCloud.Lambda.Api;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>DELETE /2017-10-31/functions/{FunctionName}/concurrency: 204; the function uses the unreserved pool again.</summary>
internal sealed class DeleteFunctionConcurrency(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var function = state.Require(FunctionReference.Parse(path.GetValueOrDefault("FunctionName"), request.Context));
        state.Change(function, r => r with { ReservedConcurrentExecutions = null });
        state.Limiter.Signal();
        return Task.FromResult(ServiceResponse.Empty(204));
    }
}
