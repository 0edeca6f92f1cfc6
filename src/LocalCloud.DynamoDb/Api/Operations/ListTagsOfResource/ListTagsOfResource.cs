using LocalCloud.Core;
using LocalCloud.DynamoDb.Api;
using LocalCloud.DynamoDb.Api.Shapes;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>
/// ListTagsOfResource (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTagsOfResource.html).
/// A table holds at most 50 tags, so everything fits one page and NextToken is never returned.
/// </summary>
internal sealed class ListTagsOfResource(DynamoDbBackend engine)
{
    public Task<ListTagsOfResourceResponse> HandleAsync(ListTagsOfResourceRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var table = TaggedTable.Resolve(engine, context, request.ResourceArn);
        var tags = (table.Definition.Tags ?? []).Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList();
        return Task.FromResult(new ListTagsOfResourceResponse { Tags = tags });
    }
}
