using LocalCloud.Core;
using LocalCloud.StepFunctions.Api.Shapes;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// The activity's ARN, name, creation date and, when it was created with one, its encryptionConfiguration (LocalStack's
/// recorded AWS response for an activity created without one has no such member).
/// </summary>
public sealed class DescribeActivity(StepFunctionsBackend backend)
{
    public Task<DescribeActivityResponse> HandleAsync(DescribeActivityRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var arn = ActivityArns.Require(request.ActivityArn);
        var activity = backend.Engine.Activities.Find(arn) ?? throw StepFunctionsErrors.ActivityDoesNotExist(arn);
        var encryption = activity.Encryption is { } e ? new EncryptionConfiguration(e.Type, e.KmsKeyId, e.KmsDataKeyReusePeriodSeconds) : null;
        return Task.FromResult(new DescribeActivityResponse(activity.Arn, activity.Name, activity.CreationDate, encryption));
    }
}
