using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Engine.Tasks;

/// <summary>
/// The history events a task writes, by dialect. AWS writes LambdaFunction* events for a bare Lambda function ARN
/// (the original integration: no TaskSubmitted, no resource names on the closing events) and Task* events for every
/// optimized integration (https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html).
/// Each event's details member is its type in camelCase plus "EventDetails".
/// </summary>
public sealed record TaskHistoryDialect(string Scheduled, string Started, string? Submitted, string Succeeded, string Failed, string TimedOut, bool NamesResource)
{
    public static TaskHistoryDialect Task { get; } =
        new("TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskFailed", "TaskTimedOut", NamesResource: true);

    public static TaskHistoryDialect LambdaFunction { get; } =
        new("LambdaFunctionScheduled", "LambdaFunctionStarted", null, "LambdaFunctionSucceeded", "LambdaFunctionFailed", "LambdaFunctionTimedOut", NamesResource: false);

    /// <summary>
    /// Activity tasks (API_HistoryEvent's Activity* events): no Started until a worker takes the task, which writes
    /// ActivityStarted in the Submitted slot; no resource names on the closing events.
    /// </summary>
    public static TaskHistoryDialect Activity { get; } =
        new("ActivityScheduled", "ActivityStarted", "ActivityStarted", "ActivitySucceeded", "ActivityFailed", "ActivityTimedOut", NamesResource: false) { StartedByWorker = true };

    /// <summary>The task starts when a worker takes it (activities), not when it is scheduled.</summary>
    public bool StartedByWorker { get; init; }

    public static string Member(string eventType) => char.ToLowerInvariant(eventType[0]) + eventType[1..] + "EventDetails";

    /// <summary>taskScheduledEventDetails, or lambdaFunctionScheduledEventDetails (input, the function ARN, timeoutInSeconds).</summary>
    public JsonObject ScheduledDetails(TaskResource resource, string region, string parameters, long? timeout, long? heartbeat)
        => StartedByWorker ? ActivityScheduledDetails(resource, parameters, timeout, heartbeat)
            : NamesResource
            ? TaskScheduling.ScheduledDetails(resource, region, parameters, timeout, heartbeat)
            : Events.Data("input", parameters, ("resource", resource.Resource), ("timeoutInSeconds", timeout));

    /// <summary>activityScheduledEventDetails: the activity ARN, input, and the limits when set.</summary>
    private static JsonObject ActivityScheduledDetails(TaskResource resource, string parameters, long? timeout, long? heartbeat)
        => Events.Data("input", parameters, ("resource", resource.Resource), ("timeoutInSeconds", timeout), ("heartbeatInSeconds", heartbeat));

    /// <summary>LambdaFunctionStarted has no details.</summary>
    public JsonObject? StartedDetails(TaskResource resource) => NamesResource ? TaskScheduling.Names(resource) : null;

    /// <summary>The resource names the closing and submitted events carry.</summary>
    public (string, JsonNode?)[] Names(TaskResource resource) => NamesResource ? [("resourceType", resource.ResourceType), ("resource", resource.Action)] : [];
}
