using LocalCloud.Core;
using LocalCloud.Lambda.Api;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>GET /2015-03-31/functions/{FunctionName}/configuration; a version or alias qualifier answers that version's configuration.</summary>
internal sealed class GetFunctionConfiguration(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var resolved = state.Resolve(FunctionReference.Parse(path.GetValueOrDefault("FunctionName"), request.Context, request.Query.GetValueOrDefault("Qualifier")));
        return Task.FromResult(LambdaJson.Write(200, ConfigurationMapper.ToConfiguration(resolved.Target, resolved.Arn)));
    }
}
