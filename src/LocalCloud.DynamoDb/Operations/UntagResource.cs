using LocalCloud.Core;
using LocalCloud.DynamoDb.Api;

namespace LocalCloud.DynamoDb.Operations;

/// <summary>UntagResource (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UntagResource.html): keys not present are ignored, as on AWS.</summary>
internal sealed class UntagResource(DynamoDbEngine engine)
{
    public Task<EmptyResponse> HandleAsync(UntagResourceRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var table = TaggedTable.Resolve(engine, context, request.ResourceArn);
        var keys = request.TagKeys ?? throw AwsServiceException.Validation(DynamoDbMessages.MemberNull("tagKeys"));
        table.Redefine(d => d with { Tags = (d.Tags ?? []).Where(t => !keys.Contains(t.Key)).ToList() });
        return Task.FromResult(new EmptyResponse());
    }
}
