using LocalCloud.Core;
using LocalCloud.Lambda.Api;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>GET /2015-03-31/functions/{FunctionName}/configuration.</summary>
internal sealed class GetFunctionConfiguration(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
        => Task.FromResult(LambdaJson.Write(200, ConfigurationMapper.ToConfiguration(state.Require(path, request))));
}
