namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>AWS's InspectionErrorDetails.</summary>
public sealed record InspectionErrorDetails(int? CatchIndex, int? RetryIndex, int? RetryBackoffIntervalSeconds);

/// <summary>AWS's InspectionData (the HTTP request/response and Map members LocalCloud does not produce are left out).</summary>
public sealed record InspectionData(
    string? Input,
    string? AfterArguments,
    string? AfterInputPath,
    string? AfterParameters,
    string? Result,
    string? AfterResultSelector,
    string? AfterResultPath,
    string? Variables,
    InspectionErrorDetails? ErrorDetails);

/// <summary>AWS's TestStateOutput.</summary>
public sealed record TestStateResponse(string? Output, string? Error, string? Cause, InspectionData? InspectionData, string? NextState, string Status);
