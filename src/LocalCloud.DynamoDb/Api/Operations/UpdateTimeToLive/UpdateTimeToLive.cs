using LocalCloud.Core;
using LocalCloud.DynamoDb.Api;
using LocalCloud.DynamoDb.Api.Shapes;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>
/// UpdateTimeToLive (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html).
/// Takes effect at once (AWS needs up to an hour and refuses further changes meanwhile); expired items are
/// removed by <see cref="TimeToLive.ExpiredItemSweeper"/>.
/// </summary>
internal sealed class UpdateTimeToLive(DynamoDbBackend engine)
{
    public Task<UpdateTimeToLiveResponse> HandleAsync(UpdateTimeToLiveRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        DynamoDbBackend.RequireTableName(request.TableName);
        var spec = request.TimeToLiveSpecification ?? throw AwsServiceException.Validation(DynamoDbErrors.MemberNull("timeToLiveSpecification"));
        var enabled = spec.Enabled ?? throw AwsServiceException.Validation(DynamoDbErrors.MemberNull("timeToLiveSpecification.enabled"));
        var attribute = spec.AttributeName ?? throw AwsServiceException.Validation(DynamoDbErrors.MemberNull("timeToLiveSpecification.attributeName"));
        if (attribute.Length is 0 or > 255)
        {
            throw AwsServiceException.Validation(DynamoDbErrors.MemberLength("timeToLiveSpecification.attributeName", attribute, attribute.Length == 0 ? 1 : 255, atMost: attribute.Length > 0));
        }
        var table = engine.Store(context).Open(DynamoDbBackend.TableNameOf(request.TableName!))
            ?? throw DynamoDbErrors.NotFound(DynamoDbErrors.TableNotFound(request.TableName!));
        table.Redefine(definition => (enabled, definition.TimeToLiveAttribute) switch
        {
            (true, null) => definition with { TimeToLiveAttribute = attribute },
            (true, _) => throw AwsServiceException.Validation("TimeToLive is already enabled"),
            (false, null) => throw AwsServiceException.Validation("TimeToLive is already disabled"),
            (false, { } current) when current != attribute => throw AwsServiceException.Validation($"TimeToLive is active on a different AttributeName: current AttributeName is {current}"),
            (false, _) => definition with { TimeToLiveAttribute = null },
        });
        return Task.FromResult(new UpdateTimeToLiveResponse { TimeToLiveSpecification = new TimeToLiveSpecification { Enabled = enabled, AttributeName = attribute } });
    }
}
