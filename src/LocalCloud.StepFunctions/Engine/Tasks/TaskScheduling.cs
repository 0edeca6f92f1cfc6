using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Asl.States;

namespace LocalCloud.StepFunctions.Engine.Tasks;

/// <summary>What every optimized integration writes before it runs, whatever service it calls.</summary>
internal static class TaskScheduling
{
    /// <summary>TimeoutSeconds/HeartbeatSeconds, or their …Path form read from the state's input.</summary>
    public static long? ReadSeconds(IStateScope scope, long? literal, string? path, JsonNode? input, string field)
    {
        if (literal is not null || path is null)
        {
            return literal;
        }
        if (scope.TryRead(path, input, out var value) && JsonNumbers.TryGetInt64(value, out var seconds) && seconds > 0)
        {
            return seconds;
        }
        throw new StatesFailureException(StatesErrors.Runtime, $"The {field} '{path}' did not select a positive integer from the input.");
    }

    /// <summary>taskScheduledEventDetails as AWS writes them; the limits appear only when set.</summary>
    public static JsonObject ScheduledDetails(TaskResource resource, string region, JsonNode? parameters, long? timeout, long? heartbeat)
    {
        var details = new JsonObject
        {
            ["resourceType"] = resource.ResourceType,
            ["resource"] = resource.Action,
            ["region"] = region,
            ["parameters"] = Events.Json(parameters),
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
}
