using LocalCloud.Core;
using LocalCloud.Lambda;
using LocalCloud.Lambda.Api;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>DELETE /2015-03-31/functions/{FunctionName}/aliases/{Name} (https://docs.aws.amazon.com/lambda/latest/api/API_DeleteAlias.html): 204.</summary>
internal sealed class DeleteAlias(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var alias = state.RequireAlias(path, request);
        _ = state.Versions.RemoveAlias(alias.AccountId, alias.Region, alias.FunctionName, alias.Name) ?? throw LambdaErrors.AliasNotFound(alias.AliasArn);
        return Task.FromResult(ServiceResponse.Empty(204));
    }
}
