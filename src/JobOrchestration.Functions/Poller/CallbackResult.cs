namespace JobOrchestration.Functions.Poller;

public enum CallbackResult
{
    /// <summary>Step Functions accepted the callback; the execution resumes.</summary>
    Delivered,

    /// <summary>
    /// Step Functions answered TaskTimedOut or TaskDoesNotExist: the task is already closed (its TimeoutSeconds fired,
    /// or the execution ended), so retrying can never succeed.
    /// </summary>
    TaskClosed,
}
