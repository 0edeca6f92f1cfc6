namespace LocalCloud.StepFunctions.Engine.Redrive;

/// <summary>
/// When AWS lets an execution be redriven and the reasons it gives when not
/// (https://docs.aws.amazon.com/step-functions/latest/apireference/API_RedriveExecution.html and the redriveStatusReason
/// texts of https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeExecution.html).
/// </summary>
public static class RedriveRules
{
    public const string Redrivable = "REDRIVABLE";
    public const string NotRedrivable = "NOT_REDRIVABLE";

    /// <summary>An execution can be redriven within 14 days of its stop date.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(14);

    /// <summary>A Standard execution lasts at most one year, redrives included.</summary>
    public static readonly TimeSpan MaxExecutionTime = TimeSpan.FromDays(365);

    /// <summary>AWS answers the last 10 client tokens of successful redrives again, for 15 minutes each.</summary>
    public const int RememberedClientTokens = 10;

    public static readonly TimeSpan ClientTokenLifetime = TimeSpan.FromMinutes(15);

    public const string RunningReason = "Execution is RUNNING and cannot be redriven";
    public const string SucceededReason = "Execution is SUCCEEDED and cannot be redriven";
    public const string HistoryLimitReason = "Execution history event limit exceeded";
    public const string MaxTimeReason = "Execution has exceeded the max execution time";
    public const string PeriodReason = "Execution redrivable period exceeded";

    /// <summary>
    /// AWS's reason for executions started before redrive existed; LocalCloud gives it for an execution that never
    /// entered a state (nothing to redrive from) or was stored by a LocalCloud without redrive.
    /// </summary>
    public const string NoPointReason = "Execution was started before the launch of RedriveExecution";
}
