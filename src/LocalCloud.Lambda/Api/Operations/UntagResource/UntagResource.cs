using LocalCloud.Core;
using LocalCloud.Lambda;
using LocalCloud.Lambda.Api;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>DELETE /2017-03-31/tags/{Resource}?tagKeys=a&amp;tagKeys=b: removes those keys (absent ones are ignored); 204.</summary>
internal sealed class UntagResource(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var function = TaggedFunction.Require(state, path, request);
        // A repeated query parameter reaches services joined with commas, which tag keys cannot contain.
        var keys = request.Query.GetValueOrDefault("tagKeys")?.Split(',', StringSplitOptions.RemoveEmptyEntries)
            ?? throw LambdaErrors.Validation("tagKeys", "null", "Member must not be null");
        state.Change(function, r => r with { Tags = r.Tags.Where(t => !keys.Contains(t.Key, StringComparer.Ordinal)).ToDictionary(StringComparer.Ordinal) });
        return Task.FromResult(ServiceResponse.Empty(204));
    }
}
