namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>AWS's MockErrorOutput.</summary>
public sealed record MockErrorOutput(string? Error, string? Cause);

/// <summary>AWS's MockInput: a mocked result or error, and how strictly a result is checked against the integration's model.</summary>
public sealed record MockInput(string? Result, MockErrorOutput? ErrorOutput, string? FieldValidationMode);

/// <summary>AWS's TestStateConfiguration.</summary>
public sealed record TestStateConfiguration(int? RetrierRetryCount, string? ErrorCausedByState, int? MapIterationFailureCount, string? MapItemReaderData);

/// <summary>AWS's TestStateInput.</summary>
public sealed record TestStateRequest(
    string? Definition,
    string? RoleArn,
    string? Input,
    string? InspectionLevel,
    bool? RevealSecrets,
    string? Variables,
    string? StateName,
    MockInput? Mock,
    string? Context,
    TestStateConfiguration? StateConfiguration);
