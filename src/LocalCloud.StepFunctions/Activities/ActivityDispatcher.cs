namespace LocalCloud.StepFunctions.Activities;

/// <summary>
/// One activity's scheduled tasks and waiting pollers, both first in, first out. A task scheduled while a poller waits
/// goes straight to it (the poller's wait completes inside <see cref="Enqueue"/>: no polling loop); a poll while tasks wait
/// takes the oldest still open. A poller that waits <see cref="GetActivityTaskWait"/> without a task gets none
/// (GetActivityTask's 60-second long poll, https://docs.aws.amazon.com/step-functions/latest/apireference/API_GetActivityTask.html).
/// </summary>
public sealed class ActivityDispatcher
{
    public static readonly TimeSpan GetActivityTaskWait = TimeSpan.FromSeconds(60);

    private readonly Lock _gate = new();
    private readonly LinkedList<ActivityTask> _tasks = new();
    private readonly LinkedList<Poller> _pollers = new();
    private bool _closed;

    /// <summary>Tasks waiting for a worker (open or not yet noticed closed).</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _tasks.Count;
            }
        }
    }

    /// <summary>Pollers waiting for a task.</summary>
    public int PollerCount
    {
        get
        {
            lock (_gate)
            {
                return _pollers.Count;
            }
        }
    }

    /// <summary>Queues a scheduled task, or hands it to the longest-waiting poller at once. False once the activity is deleted.</summary>
    public bool Enqueue(ActivityTask task)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }
            if (_pollers.First is { } first)
            {
                if (task.TryTake(first.Value.WorkerName))
                {
                    _pollers.RemoveFirst();
                    first.Value.Complete(task);
                }
                // Otherwise the task closed before it could be handed over: nothing to queue, the poller keeps waiting.
                return true;
            }
            _tasks.AddLast(task);
            return true;
        }
    }

    /// <summary>A task that closed before a worker took it leaves the queue.</summary>
    public void Remove(ActivityTask task)
    {
        lock (_gate)
        {
            _tasks.Remove(task);
        }
    }

    /// <summary>
    /// The oldest open task, taken for <paramref name="workerName"/>; else waits up to <see cref="GetActivityTaskWait"/>
    /// on <paramref name="time"/> for one. Null when none came, the activity was deleted, or the caller gave up.
    /// </summary>
    public async Task<ActivityTask?> TakeAsync(string? workerName, TimeProvider time, CancellationToken cancellationToken)
    {
        Poller poller;
        LinkedListNode<Poller> node;
        lock (_gate)
        {
            while (_tasks.First is { } first)
            {
                _tasks.RemoveFirst();
                if (first.Value.TryTake(workerName))
                {
                    return first.Value;
                }
            }
            if (_closed)
            {
                return null;
            }
            poller = new Poller(workerName);
            node = _pollers.AddLast(poller);
        }
        await using var timer = time.CreateTimer(_ => GiveUp(node), null, GetActivityTaskWait, Timeout.InfiniteTimeSpan);
        await using var cancelled = cancellationToken.Register(() => GiveUp(node));
        return await poller.Task.ConfigureAwait(false);
    }

    /// <summary>DeleteActivity: waiting pollers get no task and no task is queued any more; tasks already scheduled wait out their timeouts.</summary>
    public void Close()
    {
        List<Poller> waiting;
        lock (_gate)
        {
            _closed = true;
            waiting = [.. _pollers];
            _pollers.Clear();
            _tasks.Clear();
        }
        foreach (var poller in waiting)
        {
            poller.Complete(null);
        }
    }

    private void GiveUp(LinkedListNode<Poller> node)
    {
        lock (_gate)
        {
            // Removed and completed under the lock, so Enqueue never hands a task to a poller that already gave up.
            if (node.List is null)
            {
                return;
            }
            _pollers.Remove(node);
            node.Value.Complete(null);
        }
    }

    private sealed class Poller(string? workerName)
    {
        private readonly TaskCompletionSource<ActivityTask?> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string? WorkerName => workerName;

        public Task<ActivityTask?> Task => _result.Task;

        public void Complete(ActivityTask? task) => _result.TrySetResult(task);
    }
}
