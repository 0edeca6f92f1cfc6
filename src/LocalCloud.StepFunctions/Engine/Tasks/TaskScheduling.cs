using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Asl.Jsonata;
using LocalCloud.StepFunctions.Asl.States;
using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Engine.Checkpoints;

namespace LocalCloud.StepFunctions.Engine.Tasks;

/// <summary>What every optimized integration writes before it runs, whatever service it calls.</summary>
internal static class TaskScheduling
{
    /// <summary>TimeoutSeconds/HeartbeatSeconds (<paramref name="field"/>): literal, the …Path form read from the state's input, or a JSONata expression.</summary>
    public static long? ReadSeconds(IStateScope scope, long? literal, string? path, JsonataTemplate? expression, JsonNode? input, string field)
    {
        if (expression is not null)
        {
            return (long)StatesEnvironment.ForInput(scope, input).Number(expression, field, "positive integer", n => n > 0 && n == Math.Floor(n) && n <= long.MaxValue);
        }
        if (literal is not null || path is null)
        {
            return literal;
        }
        if (scope.TryPeek(path, input, out var value) && JsonNumbers.TryGetInt64(value, out var seconds) && seconds > 0)
        {
            return seconds;
        }
        throw new StatesFailureException(StatesErrors.Runtime, $"The {field}Path '{path}' did not select a positive integer from the input.");
    }

    /// <summary>taskScheduledEventDetails as AWS writes them; the limits appear only when set.</summary>
    public static JsonObject ScheduledDetails(TaskResource resource, string region, string parametersJson, long? timeout, long? heartbeat)
    {
        var details = new JsonObject
        {
            ["resourceType"] = resource.ResourceType,
            ["resource"] = resource.Action,
            ["region"] = region,
            ["parameters"] = parametersJson,
        };
        if (timeout is not null)
        {
            details["timeoutInSeconds"] = timeout;
        }
        if (heartbeat is not null)
        {
            details["heartbeatInSeconds"] = heartbeat;
        }
        return details;
    }

    /// <summary>taskStartedEventDetails (and the resource names other task events carry).</summary>
    public static JsonObject Names(TaskResource resource) => new() { ["resourceType"] = resource.ResourceType, ["resource"] = resource.Action };

    /// <summary>The checkpoint of TaskStarted: deadlines are absolute, so a restart re-arms what is left of them.</summary>
    public static TaskCheckpoint? Started(TaskCheckpoint? progress, DateTimeOffset now, long? timeout, TimeSpan? heartbeat)
        => progress is null ? null : progress with
        {
            Phase = TaskPhase.Started,
            TimeoutAt = timeout is { } t ? now.AddSeconds(t) : null,
            HeartbeatAt = heartbeat is { } h ? now + h : null,
            HeartbeatSeconds = heartbeat is { } hs ? (long)hs.TotalSeconds : null,
        };

    /// <summary>The checkpoint of the closing event: a restart goes on from this outcome without running the task again.</summary>
    public static TaskCheckpoint? Closed(TaskCheckpoint? progress, TaskOutcome outcome)
        => progress is null ? null : progress with { Phase = TaskPhase.Closed, Outcome = TaskOutcomeRecord.From(outcome) };
}
