namespace LocalCloud.StepFunctions.Activities;

/// <summary>
/// One scheduled activity task waiting in its activity's queue. It is taken at most once: either a worker takes it
/// (<see cref="TryTake"/>) or its task closes first (timeout, stop) and <see cref="Abandon"/> ends the wait. Both complete
/// <see cref="Taken"/> through the execution's idle tracker (<paramref name="wake"/>), so a fake clock never sees the
/// engine half-way.
/// </summary>
public sealed class ActivityTask(Action<Action> wake, string token, string input)
{
    private readonly TaskCompletionSource<ActivityWorker?> _taken = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Token => token;

    /// <summary>The effective input, as GetActivityTask hands it to the worker.</summary>
    public string Input => input;

    /// <summary>The worker that took the task, or null when the task closed before any did.</summary>
    public Task<ActivityWorker?> Taken => _taken.Task;

    /// <summary>True once ActivityStarted is written: the poller answers only then, so history never lags the worker.</summary>
    public Task<bool> Started => _started.Task;

    public bool IsTaken => _taken.Task.IsCompleted;

    /// <summary>Hands the task to a worker; false when it was taken or abandoned already.</summary>
    public bool TryTake(string? workerName)
    {
        var taken = false;
        wake(() => taken = _taken.TrySetResult(new ActivityWorker(workerName)));
        return taken;
    }

    /// <summary>The task closed (timeout, stop, a sibling's failure) before a worker took it. Safe inside an idle-tracker wake.</summary>
    public void Abandon() => _taken.TrySetResult(null);

    public void MarkStarted(bool started) => _started.TrySetResult(started);
}

/// <summary>Who took an activity task: the workerName GetActivityTask gave, if any (ActivityStarted shows it).</summary>
public sealed record ActivityWorker(string? Name);
