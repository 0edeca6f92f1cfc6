namespace JobOrchestration.Functions.Poller;

/// <summary>SendTaskSuccess / SendTaskFailure. Any answer other than the two in <see cref="CallbackResult"/> throws.</summary>
public interface ITaskCallbacks
{
    Task<CallbackResult> SendSuccessAsync(string taskToken, string output, CancellationToken cancellationToken);

    Task<CallbackResult> SendFailureAsync(string taskToken, string errorName, string cause, CancellationToken cancellationToken);
}
