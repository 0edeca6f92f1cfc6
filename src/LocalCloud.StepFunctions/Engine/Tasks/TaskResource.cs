namespace LocalCloud.StepFunctions.Engine.Tasks;

/// <summary>
/// A Task state's Resource taken apart: a bare Lambda function ARN, or an optimized integration
/// arn:aws:states:::&lt;service&gt;:&lt;action&gt; with its integration pattern suffix
/// (https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html).
/// <see cref="Action"/> keeps the suffix, as the task events' "resource" field shows it ("invoke.waitForTaskToken");
/// <see cref="Operation"/> is the action alone ("invoke").
/// </summary>
public sealed record TaskResource(string Resource, string ResourceType, string Action, string Operation, IntegrationPattern Pattern)
{
    private const string Optimized = "arn:aws:states:::";

    /// <summary>Null when the Resource names neither form.</summary>
    public static TaskResource? Parse(string resource)
    {
        if (resource.StartsWith("arn:aws:lambda:", StringComparison.Ordinal) && resource.Contains(":function:", StringComparison.Ordinal))
        {
            return new(resource, "lambda", resource, resource, IntegrationPattern.RequestResponse);
        }
        if (Activities.ActivityRegistry.IsActivityArn(resource))
        {
            // An activity waits on its token as a callback does; its worker gets the token from GetActivityTask.
            return new(resource, "activity", resource, resource, IntegrationPattern.WaitForTaskToken);
        }
        if (!resource.StartsWith(Optimized, StringComparison.Ordinal) || resource.IndexOf(':', Optimized.Length) is var colon && colon < 0)
        {
            return null;
        }
        var service = resource[Optimized.Length..colon];
        // aws-sdk:<service>:<action>: history names the resource type "aws-sdk:<service>" and the resource "<action>".
        if (service == "aws-sdk" && resource.IndexOf(':', colon + 1) is var sdkColon and > 0)
        {
            colon = sdkColon;
            service = resource[Optimized.Length..colon];
        }
        var action = resource[(colon + 1)..];
        var (operation, pattern) = action switch
        {
            _ when action.EndsWith(".waitForTaskToken", StringComparison.Ordinal) => (action[..^".waitForTaskToken".Length], IntegrationPattern.WaitForTaskToken),
            _ when action.EndsWith(".sync", StringComparison.Ordinal) => (action[..^".sync".Length], IntegrationPattern.Sync),
            _ when action.EndsWith(".sync:2", StringComparison.Ordinal) => (action[..^".sync:2".Length], IntegrationPattern.Sync),
            _ => (action, IntegrationPattern.RequestResponse),
        };
        return service.Length == 0 || operation.Length == 0 ? null : new(resource, service, action, operation, pattern);
    }
}

/// <summary>How Step Functions waits on an optimized integration (https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html).</summary>
public enum IntegrationPattern
{
    /// <summary>The call's response is the result.</summary>
    RequestResponse,

    /// <summary>".sync": the call starts a job; the result is the job's end.</summary>
    Sync,

    /// <summary>".waitForTaskToken": the call hands out a task token; SendTaskSuccess/Failure gives the result.</summary>
    WaitForTaskToken,
}
