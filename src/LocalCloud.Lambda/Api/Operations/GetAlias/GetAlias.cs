using LocalCloud.Core;
using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Api.Shapes;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>GET /2015-03-31/functions/{FunctionName}/aliases/{Name} (https://docs.aws.amazon.com/lambda/latest/api/API_GetAlias.html).</summary>
internal sealed class GetAlias(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
        => Task.FromResult(LambdaJson.Write(200, AliasConfiguration.Of(state.RequireAlias(path, request))));
}
