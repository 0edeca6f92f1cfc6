using LocalCloud.Core;
using LocalCloud.StepFunctions.Api;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>Removes the given keys; keys that are not there are ignored, as AWS ignores them.</summary>
public sealed class UntagResource(StepFunctionsBackend backend)
{
    public Task<UntagResourceResponse> HandleAsync(UntagResourceRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var arn = TagResource.RequireTaggable(backend, request.ResourceArn);
        var keys = Validate.Required(request.TagKeys, "tagKeys");
        lock (backend.MachineGate)
        {
            TagResource.RequireTaggable(backend, arn);
            backend.Tags.RemoveKeys(arn, keys);
            backend.Journal.TagsChanged(arn, backend.Tags.Get(arn));
        }
        return Task.FromResult(new UntagResourceResponse());
    }
}
