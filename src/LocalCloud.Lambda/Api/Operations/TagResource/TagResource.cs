using LocalCloud.Core;
using LocalCloud.Lambda;
using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>POST /2017-03-31/tags/{Resource} (https://docs.aws.amazon.com/lambda/latest/api/API_TagResource.html): adds or overwrites tags; 204.</summary>
internal sealed class TagResource(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var function = TaggedFunction.Require(state, path, request);
        var input = LambdaJson.Read<TagResourceRequest>(request);
        var added = TagValidation.Tags(input.Tags) ?? throw LambdaErrors.Validation("tags", "null", "Member must not be null");
        state.Change(function, r =>
        {
            var merged = new Dictionary<string, string>(r.Tags, StringComparer.Ordinal);
            foreach (var (key, value) in added)
            {
                merged[key] = value;
            }
            TagValidation.Tags(merged);
            return r with { Tags = merged };
        });
        return Task.FromResult(ServiceResponse.Empty(204));
    }
}
