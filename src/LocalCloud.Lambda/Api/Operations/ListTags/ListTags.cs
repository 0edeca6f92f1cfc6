using LocalCloud.Core;
using LocalCloud.Lambda.Api;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>GET /2017-03-31/tags/{Resource}: {"Tags": {...}}, empty when the function has none.</summary>
internal sealed class ListTags(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
        => Task.FromResult(LambdaJson.Write(200, new ListTagsResponse(TaggedFunction.Require(state, path, request).Tags)));
}
