using LocalCloud.Core;
using LocalCloud.DynamoDb.Api;
using LocalCloud.DynamoDb.Api.Shapes;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>UntagResource (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UntagResource.html): keys not present are ignored, as on AWS.</summary>
internal sealed class UntagResource(DynamoDbBackend engine)
{
    public Task<EmptyResponse> HandleAsync(UntagResourceRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var table = TaggedTable.Resolve(engine, context, request.ResourceArn);
        var keys = request.TagKeys ?? throw AwsServiceException.Validation(DynamoDbErrors.MemberNull("tagKeys"));
        table.Redefine(d => d with { Tags = (d.Tags ?? []).Where(t => !keys.Contains(t.Key)).ToList() });
        return Task.FromResult(new EmptyResponse());
    }
}
