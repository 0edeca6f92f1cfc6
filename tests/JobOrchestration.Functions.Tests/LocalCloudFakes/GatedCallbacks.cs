using JobOrchestration.Functions.Poller;

namespace JobOrchestration.Functions.Tests.LocalCloudFakes;

/// <summary>
/// The real callbacks with two injections: hold every callback of this poller until <see cref="Release"/> (a poller
/// stalled between storing its outcome and calling back), or crash right after Step Functions accepted a callback
/// (before the poller could record it).
/// </summary>
internal sealed class GatedCallbacks(ITaskCallbacks inner) : ITaskCallbacks
{
    private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Hold { get; init; }

    public bool CrashAfterDelivery { get; init; }

    /// <summary>Completes when the first held callback is waiting.</summary>
    public Task Reached => reached.Task;

    public void Release() => released.TrySetResult();

    public Task<CallbackResult> SendSuccessAsync(string taskToken, string output, CancellationToken cancellationToken) =>
        SendAsync(() => inner.SendSuccessAsync(taskToken, output, cancellationToken), cancellationToken);

    public Task<CallbackResult> SendFailureAsync(string taskToken, string errorName, string cause, CancellationToken cancellationToken) =>
        SendAsync(() => inner.SendFailureAsync(taskToken, errorName, cause, cancellationToken), cancellationToken);

    private async Task<CallbackResult> SendAsync(Func<Task<CallbackResult>> send, CancellationToken cancellationToken)
    {
        if (Hold)
        {
            reached.TrySetResult();
            await released.Task.WaitAsync(cancellationToken);
        }

        var answer = await send();
        return CrashAfterDelivery && answer == CallbackResult.Delivered ? throw new PollerCrashed("crashed after the callback was delivered") : answer;
    }
}
