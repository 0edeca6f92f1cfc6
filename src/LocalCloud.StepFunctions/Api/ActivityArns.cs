using LocalCloud.StepFunctions.Activities;
using LocalCloud.StepFunctions.Engine;

namespace LocalCloud.StepFunctions.Api;

/// <summary>arn:aws:states:{region}:{account}:activity:{name}, as the activity operations take it.</summary>
public static class ActivityArns
{
    /// <summary>Required, at most 256 characters (the model's Arn), and an activity ARN, else InvalidArn.</summary>
    public static string Require(string? arn, string member = "activityArn")
    {
        Validate.Required(arn, member);
        Validate.MaxLength(arn, member, StepFunctionsLimits.MaxArnLength);
        return ActivityRegistry.IsActivityArn(arn!) ? arn! : throw StepFunctionsErrors.InvalidArn(arn!);
    }
}
