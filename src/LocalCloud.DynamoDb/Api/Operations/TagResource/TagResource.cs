using LocalCloud.Core;
using LocalCloud.DynamoDb.Api;
using LocalCloud.DynamoDb.Api.Shapes;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>TagResource (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TagResource.html) on a table ARN.</summary>
internal sealed class TagResource(DynamoDbBackend engine)
{
    public Task<EmptyResponse> HandleAsync(TagResourceRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var table = TaggedTable.Resolve(engine, context, request.ResourceArn);
        var tags = request.Tags ?? throw AwsServiceException.Validation(DynamoDbErrors.MemberNull("tags"));
        table.Redefine(d => d with { Tags = TaggedTable.Merge(d.Tags, tags) });
        return Task.FromResult(new EmptyResponse());
    }
}
