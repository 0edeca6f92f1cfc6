using LocalCloud.Core;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>Removes the given keys; keys that are not there are ignored, as AWS ignores them.</summary>
public sealed class UntagResource(StatesBackend backend)
{
    public Task<UntagResourceResponse> HandleAsync(UntagResourceRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var arn = TagResource.RequireTaggable(backend, request.ResourceArn);
        backend.Tags.RemoveKeys(arn, Validate.Required(request.TagKeys, "tagKeys"));
        return Task.FromResult(new UntagResourceResponse());
    }
}
