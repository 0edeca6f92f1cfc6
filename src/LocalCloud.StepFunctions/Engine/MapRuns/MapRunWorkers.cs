using System.Runtime.ExceptionServices;

namespace LocalCloud.StepFunctions.Engine.MapRuns;

/// <summary>
/// A Map Run's workers: strands of the parent execution, each taking the next item until none is left. Their number
/// follows the run's MaxConcurrency (0 = every item at once) as UpdateMapRun changes it: a higher value starts more
/// workers at once, a lower one makes workers leave after their current child. AWS applies the update to a running Map
/// Run (https://docs.aws.amazon.com/step-functions/latest/apireference/API_UpdateMapRun.html: "The maximum number of child
/// workflow executions that can be specified to run in parallel for the Map Run at the same time").
/// Lock order: this gate, then the idle tracker's, never the other way (EndStrand's callback takes no lock here).
/// </summary>
internal sealed class MapRunWorkers(IdleTracker idle, int count, Func<int> maxConcurrency, Func<int, Task> runItem, CancellationToken stop)
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _next;
    private int _active;
    private bool _finished;
    private ExceptionDispatchInfo? _failure;

    /// <summary>Starts the workers MaxConcurrency allows and completes when every worker has left; rethrows a worker's exception.</summary>
    public async Task RunAsync()
    {
        Grow();
        lock (_gate)
        {
            if (_active == 0)
            {
                _finished = true;
                _joined.TrySetResult();
            }
        }
        idle.Park(_joined.Task);
        await _joined.Task.ConfigureAwait(false);
        _failure?.Throw();
    }

    /// <summary>MaxConcurrency may have risen: starts the workers it now allows, one per item not yet taken at most.</summary>
    public void Grow()
    {
        int add;
        lock (_gate)
        {
            var max = maxConcurrency();
            add = Math.Min(max == 0 ? int.MaxValue : max - _active, count - _next);
            if (_finished || add <= 0 || stop.IsCancellationRequested)
            {
                return;
            }
            _active += add;
            idle.AddStrands(add);
        }
        for (var i = 0; i < add; i++)
        {
            _ = WorkAsync();
        }
    }

    private async Task WorkAsync()
    {
        var last = false;
        try
        {
            while (TryTake(out var index, out last))
            {
                try
                {
                    await runItem(index).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // Any failure must still let the worker leave; it is rethrown by RunAsync once all have left.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    lock (_gate)
                    {
                        _failure ??= ExceptionDispatchInfo.Capture(e);
                        _next = count;
                    }
                }
            }
        }
        finally
        {
            idle.EndStrand(() =>
            {
                if (last)
                {
                    _joined.TrySetResult();
                }
            });
        }
    }

    /// <summary>The next item, or false when the worker leaves (no item left, the run stopped, or MaxConcurrency was lowered).</summary>
    private bool TryTake(out int index, out bool last)
    {
        lock (_gate)
        {
            var max = maxConcurrency();
            if (_next >= count || stop.IsCancellationRequested || (max != 0 && _active > max))
            {
                _active--;
                last = _active == 0;
                _finished |= last;
                index = -1;
                return false;
            }
            index = _next++;
            last = false;
            return true;
        }
    }
}
