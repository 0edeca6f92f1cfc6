namespace LocalCloud.StepFunctions.Engine;

/// <summary>
/// How long finished executions (with their history and task tokens) are kept. AWS keeps a closed Standard
/// execution's history 90 days (quota "Maximum time Step Functions keeps a closed execution's history",
/// https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html), so <see cref="MaxAge"/> defaults to that.
/// AWS has no count limit; LocalCloud adds <see cref="MaxFinished"/> so memory stays bounded on a long-running
/// emulator: 10,000 finished executions is more than any test or demo here inspects (the PoC's largest run, the
/// 10,000-job sweep, starts one execution per job) while keeping the retained histories to tens of megabytes.
/// The oldest (by stop date) are forgotten first. Running executions are never forgotten.
/// </summary>
public sealed record ExecutionRetention(TimeSpan MaxAge, int MaxFinished)
{
    public static ExecutionRetention Default { get; } = new(TimeSpan.FromDays(90), 10_000);
}
