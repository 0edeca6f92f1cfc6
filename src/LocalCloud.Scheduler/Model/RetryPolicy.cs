
namespace LocalCloud.Scheduler.Model;

internal sealed record RetryPolicy(int? MaximumEventAgeInSeconds, int? MaximumRetryAttempts)
{
    // AWS's defaults when a target has no RetryPolicy:
    // https://docs.aws.amazon.com/scheduler/latest/APIReference/API_RetryPolicy.html
    public const int DefaultMaximumEventAgeInSeconds = 86400;
    public const int DefaultMaximumRetryAttempts = 185;
}
