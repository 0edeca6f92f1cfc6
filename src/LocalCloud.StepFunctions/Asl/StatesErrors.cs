namespace LocalCloud.StepFunctions.Asl;

/// <summary>
/// The predefined ASL error names (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html).
/// Retry and Catch match on these strings, never on exception types.
/// </summary>
public static class StatesErrors
{
    public const string All = "States.ALL";
    public const string TaskFailed = "States.TaskFailed";
    public const string Timeout = "States.Timeout";
    public const string HeartbeatTimeout = "States.HeartbeatTimeout";
    public const string Runtime = "States.Runtime";
    public const string DataLimitExceeded = "States.DataLimitExceeded";
    public const string NoChoiceMatched = "States.NoChoiceMatched";
    public const string ParameterPathFailure = "States.ParameterPathFailure";
    public const string ResultPathMatchFailure = "States.ResultPathMatchFailure";
    public const string IntrinsicFailure = "States.IntrinsicFailure";
    public const string Permissions = "States.Permissions";
    public const string BranchFailed = "States.BranchFailed";
    public const string QueryEvaluationError = "States.QueryEvaluationError";
}
