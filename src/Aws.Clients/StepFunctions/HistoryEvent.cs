using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aws.Clients.StepFunctions;

/// <summary>One event of an execution history; each details member is kept as the raw JSON object.</summary>
public sealed record HistoryEvent
{
    /// <summary>When the event happened.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The event type, e.g. TaskSucceeded.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>The event id (1-based, increasing).</summary>
    public long Id { get; init; }

    /// <summary>The id of the event before it.</summary>
    public long? PreviousEventId { get; init; }

    /// <summary>The activityFailedEventDetails object, when this event has one.</summary>
    public JsonElement? ActivityFailedEventDetails { get; init; }

    /// <summary>The activityScheduleFailedEventDetails object, when this event has one.</summary>
    public JsonElement? ActivityScheduleFailedEventDetails { get; init; }

    /// <summary>The activityScheduledEventDetails object, when this event has one.</summary>
    public JsonElement? ActivityScheduledEventDetails { get; init; }

    /// <summary>The activityStartedEventDetails object, when this event has one.</summary>
    public JsonElement? ActivityStartedEventDetails { get; init; }

    /// <summary>The activitySucceededEventDetails object, when this event has one.</summary>
    public JsonElement? ActivitySucceededEventDetails { get; init; }

    /// <summary>The activityTimedOutEventDetails object, when this event has one.</summary>
    public JsonElement? ActivityTimedOutEventDetails { get; init; }

    /// <summary>The taskFailedEventDetails object, when this event has one.</summary>
    public JsonElement? TaskFailedEventDetails { get; init; }

    /// <summary>The taskScheduledEventDetails object, when this event has one.</summary>
    public JsonElement? TaskScheduledEventDetails { get; init; }

    /// <summary>The taskStartFailedEventDetails object, when this event has one.</summary>
    public JsonElement? TaskStartFailedEventDetails { get; init; }

    /// <summary>The taskStartedEventDetails object, when this event has one.</summary>
    public JsonElement? TaskStartedEventDetails { get; init; }

    /// <summary>The taskSubmitFailedEventDetails object, when this event has one.</summary>
    public JsonElement? TaskSubmitFailedEventDetails { get; init; }

    /// <summary>The taskSubmittedEventDetails object, when this event has one.</summary>
    public JsonElement? TaskSubmittedEventDetails { get; init; }

    /// <summary>The taskSucceededEventDetails object, when this event has one.</summary>
    public JsonElement? TaskSucceededEventDetails { get; init; }

    /// <summary>The taskTimedOutEventDetails object, when this event has one.</summary>
    public JsonElement? TaskTimedOutEventDetails { get; init; }

    /// <summary>The executionFailedEventDetails object, when this event has one.</summary>
    public JsonElement? ExecutionFailedEventDetails { get; init; }

    /// <summary>The executionStartedEventDetails object, when this event has one.</summary>
    public JsonElement? ExecutionStartedEventDetails { get; init; }

    /// <summary>The executionSucceededEventDetails object, when this event has one.</summary>
    public JsonElement? ExecutionSucceededEventDetails { get; init; }

    /// <summary>The executionAbortedEventDetails object, when this event has one.</summary>
    public JsonElement? ExecutionAbortedEventDetails { get; init; }

    /// <summary>The executionTimedOutEventDetails object, when this event has one.</summary>
    public JsonElement? ExecutionTimedOutEventDetails { get; init; }

    /// <summary>The executionRedrivenEventDetails object, when this event has one.</summary>
    public JsonElement? ExecutionRedrivenEventDetails { get; init; }

    /// <summary>The mapStateStartedEventDetails object, when this event has one.</summary>
    public JsonElement? MapStateStartedEventDetails { get; init; }

    /// <summary>The mapIterationStartedEventDetails object, when this event has one.</summary>
    public JsonElement? MapIterationStartedEventDetails { get; init; }

    /// <summary>The mapIterationSucceededEventDetails object, when this event has one.</summary>
    public JsonElement? MapIterationSucceededEventDetails { get; init; }

    /// <summary>The mapIterationFailedEventDetails object, when this event has one.</summary>
    public JsonElement? MapIterationFailedEventDetails { get; init; }

    /// <summary>The mapIterationAbortedEventDetails object, when this event has one.</summary>
    public JsonElement? MapIterationAbortedEventDetails { get; init; }

    /// <summary>The lambdaFunctionFailedEventDetails object, when this event has one.</summary>
    public JsonElement? LambdaFunctionFailedEventDetails { get; init; }

    /// <summary>The lambdaFunctionScheduleFailedEventDetails object, when this event has one.</summary>
    public JsonElement? LambdaFunctionScheduleFailedEventDetails { get; init; }

    /// <summary>The lambdaFunctionScheduledEventDetails object, when this event has one.</summary>
    public JsonElement? LambdaFunctionScheduledEventDetails { get; init; }

    /// <summary>The lambdaFunctionStartFailedEventDetails object, when this event has one.</summary>
    public JsonElement? LambdaFunctionStartFailedEventDetails { get; init; }

    /// <summary>The lambdaFunctionSucceededEventDetails object, when this event has one.</summary>
    public JsonElement? LambdaFunctionSucceededEventDetails { get; init; }

    /// <summary>The lambdaFunctionTimedOutEventDetails object, when this event has one.</summary>
    public JsonElement? LambdaFunctionTimedOutEventDetails { get; init; }

    /// <summary>The stateEnteredEventDetails object, when this event has one.</summary>
    public JsonElement? StateEnteredEventDetails { get; init; }

    /// <summary>The stateExitedEventDetails object, when this event has one.</summary>
    public JsonElement? StateExitedEventDetails { get; init; }

    /// <summary>The mapRunStartedEventDetails object, when this event has one.</summary>
    public JsonElement? MapRunStartedEventDetails { get; init; }

    /// <summary>The mapRunFailedEventDetails object, when this event has one.</summary>
    public JsonElement? MapRunFailedEventDetails { get; init; }

    /// <summary>The mapRunRedrivenEventDetails object, when this event has one.</summary>
    public JsonElement? MapRunRedrivenEventDetails { get; init; }

    /// <summary>The evaluationFailedEventDetails object, when this event has one.</summary>
    public JsonElement? EvaluationFailedEventDetails { get; init; }

    /// <summary>Members newer than this client knows.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalMembers { get; init; }
}
