using LocalCloud.Core;
using LocalCloud.StepFunctions.Api.Shapes;

namespace LocalCloud.StepFunctions.Api.Operations;

public sealed class ListTagsForResource(StepFunctionsBackend backend)
{
    public Task<ListTagsForResourceResponse> HandleAsync(ListTagsForResourceRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var arn = TagResource.RequireTaggable(backend, request.ResourceArn);
        return Task.FromResult(new ListTagsForResourceResponse(backend.Tags.Get(arn).Select(t => new Tag(t.Key, t.Value)).ToList()));
    }
}
