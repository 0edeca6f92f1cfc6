
namespace LocalCloud.Scheduler;

public sealed class SchedulerOptions
{
    /// <summary>
    /// LOCAL-ONLY: every interval between firings is multiplied by this factor, so 0.05 makes rate(1 minute)
    /// fire every 3 seconds. Stored expressions stay as given (valid on AWS). 1 keeps AWS's timing.
    /// </summary>
    public double TimeScale { get; init; } = 1.0;
}
