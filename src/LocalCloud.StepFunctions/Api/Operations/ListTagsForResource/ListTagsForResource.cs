using LocalCloud.Core;

namespace LocalCloud.StepFunctions.Api.Operations;

public sealed class ListTagsForResource(StatesBackend backend)
{
    public Task<ListTagsForResourceResponse> HandleAsync(ListTagsForResourceRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var arn = TagResource.RequireTaggable(backend, request.ResourceArn);
        return Task.FromResult(new ListTagsForResourceResponse(backend.Tags.Get(arn).Select(t => new SfnTag(t.Key, t.Value)).ToList()));
    }
}
