using LocalCloud.Core;
using LocalCloud.Lambda.Api;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>
/// DELETE /2015-03-31/functions/{FunctionName}/aliases/{Name} (https://docs.aws.amazon.com/lambda/latest/api/API_DeleteAlias.html):
/// 204. The API model lists no ResourceNotFoundException for DeleteAlias, so an alias (or function) that does not
/// exist is deleted already: 204 as well.
/// </summary>
internal sealed class DeleteAlias(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var reference = FunctionReference.Parse(path.GetValueOrDefault("FunctionName"), request.Context);
        var name = AliasValidation.Name(path.GetValueOrDefault("Name"));
        state.Versions.RemoveAlias(reference.AccountId, reference.Region, reference.Name, name);
        return Task.FromResult(ServiceResponse.Empty(204));
    }
}
