using LocalCloud.Core;
using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Api.Shapes;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>GET /2019-09-30/functions/{FunctionName}/concurrency: an empty object when nothing is reserved.</summary>
internal sealed class GetFunctionConcurrency(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var function = state.Require(FunctionReference.Parse(path.GetValueOrDefault("FunctionName"), request.Context));
        return Task.FromResult(LambdaJson.Write(200, new ConcurrencyShape(function.ReservedConcurrentExecutions)));
    }
}
