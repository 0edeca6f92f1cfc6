using LocalCloud.Core;
using LocalCloud.Lambda;
using LocalCloud.Lambda.Api;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>DELETE /2015-03-31/functions/{FunctionName}: 204, and the function's workers are stopped.</summary>
internal sealed class DeleteFunction(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var reference = FunctionReference.Parse(path.GetValueOrDefault("FunctionName"), request.Context, request.Query.GetValueOrDefault("Qualifier"));
        var function = state.Require(reference);
        var removed = state.Store.Remove(function.AccountId, function.Region, function.FunctionName) ?? throw LambdaErrors.FunctionNotFound(reference.Arn);
        if (!state.Engine.Retire(removed.FunctionArn, deleteCode: true))
        {
            Functions.CodePackage.Delete(removed.Code);
        }
        // Events waiting for concurrency look again and find the function gone.
        state.Limiter.Signal();
        return Task.FromResult(ServiceResponse.Empty(204));
    }
}
