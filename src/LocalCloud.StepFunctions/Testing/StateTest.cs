using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl;

namespace LocalCloud.StepFunctions.Testing;

/// <summary>How much TestState reports (https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html).</summary>
public enum InspectionLevel
{
    Info,
    Debug,
    Trace,
}

/// <summary>A mocked outcome of the state's work: a result or an error, never both.</summary>
public sealed record StateMock(JsonNode? Result, Failure? Error);

/// <summary>TestState's stateConfiguration: where in a Retry or a Map the test pretends the state is.</summary>
/// <remarks><see cref="MapItemReaderData"/> is what a Distributed Map's ItemReader would have read; it sets the item count a ToleratedFailurePercentage is taken of.</remarks>
public sealed record StateTestConfiguration(int RetrierRetryCount = 0, string? ErrorCausedByState = null, int? MapIterationFailureCount = null, JsonNode? MapItemReaderData = null);

/// <summary>One TestState call, already checked: the state, its raw input, the variables and context it sees, an optional mock.</summary>
public sealed record StateTest(
    Asl.States.State State,
    JsonNode? Input,
    JsonObject? Variables,
    JsonObject? Context,
    StateMock? Mock,
    StateTestConfiguration Configuration,
    InspectionLevel Level,
    string RoleArn);

/// <summary>The handled-error part of inspectionData (HandledErrorDetails).</summary>
public sealed record HandledErrorDetails(int? CatchIndex = null, int? RetryIndex = null, int? RetryBackoffIntervalSeconds = null);

/// <summary>inspectionData: each value as the JSON text AWS returns; a phase the state does not have stays null.</summary>
public sealed record Inspection
{
    public string? Input { get; init; }

    public string? AfterInputPath { get; init; }

    public string? AfterParameters { get; init; }

    public string? AfterArguments { get; init; }

    public string? Result { get; init; }

    public string? AfterResultSelector { get; init; }

    public string? AfterResultPath { get; init; }

    public string? Variables { get; init; }

    public HandledErrorDetails? ErrorDetails { get; init; }
}

/// <summary>TestState's answer: SUCCEEDED, FAILED, RETRIABLE or CAUGHT_ERROR, with what AWS returns beside each.</summary>
public sealed record StateTestResult(string Status, string? NextState, string? Output, Failure? Error, Inspection? Inspection);
