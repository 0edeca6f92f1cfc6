
namespace LocalCloud.Scheduler;

public enum FiringOutcome
{
    /// <summary>Being delivered (or waiting to retry).</summary>
    Pending,

    /// <summary>The target accepted the invocation.</summary>
    Delivered,

    /// <summary>Every attempt the RetryPolicy allows failed, or the target type is not supported locally.</summary>
    Dropped,
}
