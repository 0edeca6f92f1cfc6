using LocalCloud.Core.Usage;
using LocalCloud.Scheduler.Expressions;
using LocalCloud.Scheduler.Model;
using Microsoft.Extensions.Logging;

namespace LocalCloud.Scheduler.Engine;

/// <summary>
/// Keeps one TimeProvider timer per enabled schedule and fires it when due: records the firing, counts it,
/// and hands it to <see cref="TargetDelivery"/> without waiting. Arm/Cancel replace or stop a schedule's
/// timer; a timer that fires after being replaced finds itself stale and does nothing.
/// </summary>
internal sealed class ScheduleRunner(TimeProvider time, double timeScale, TargetDelivery delivery, UsageMeter usage, ILogger logger) : IAsyncDisposable
{
    private const int RecentCapacity = 200;

    // Timers cannot wait longer than ~49 days; a farther firing is reached in hops (an early wake finds
    // nothing due and re-arms).
    private static readonly TimeSpan MaxTimerHop = TimeSpan.FromDays(30);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ScheduleTimer> _timers = new(StringComparer.Ordinal);
    private readonly Queue<ScheduleFiring> _recent = new();
    private readonly HashSet<Task> _inFlight = [];
    private readonly CancellationTokenSource _stopping = new();
    private bool _disposed;

    /// <summary>Called (outside any lock) when a schedule has fired for the last time.</summary>
    public Action<Schedule>? Completed { get; set; }

    public IReadOnlyList<ScheduleFiring> RecentFirings
    {
        get
        {
            lock (_gate)
            {
                return [.. _recent];
            }
        }
    }

    public DateTimeOffset? NextFiring(string scheduleArn)
    {
        lock (_gate)
        {
            return _timers.TryGetValue(scheduleArn, out var timer) ? timer.NextDue : null;
        }
    }

    public void Arm(Schedule schedule, IScheduleExpression expression, TimeZoneInfo zone, bool isNew)
    {
        Cancel(schedule.Arn);
        if (!schedule.IsEnabled)
        {
            return;
        }
        var now = time.GetUtcNow();
        var plan = new ScheduleTimer(schedule, expression, zone, now, timeScale, isNew);
        if (plan.NextDue is not { } due)
        {
            return;
        }
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _timers[schedule.Arn] = plan;
            plan.Timer = time.CreateTimer(_ => OnTimer(plan), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        // Outside the lock: a due-now timer may run its callback on this very thread.
        Start(plan, due - now);
    }

    public void Cancel(string scheduleArn)
    {
        lock (_gate)
        {
            if (_timers.Remove(scheduleArn, out var plan))
            {
                plan.Cancelled = true;
                plan.Timer?.Dispose();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task[] pending;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            foreach (var plan in _timers.Values)
            {
                plan.Cancelled = true;
                plan.Timer?.Dispose();
            }
            _timers.Clear();
            pending = [.. _inFlight];
        }
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(pending).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void OnTimer(ScheduleTimer plan)
    {
        List<ScheduleFiring> firings = [];
        DateTimeOffset? next;
        DateTimeOffset now;
        lock (_gate)
        {
            if (plan.Cancelled || !_timers.TryGetValue(plan.Schedule.Arn, out var current) || current != plan)
            {
                return;
            }
            now = time.GetUtcNow();
            var dueTimes = plan.TakeDue(now, out var skipped);
            if (skipped)
            {
                logger.Skipped(plan.Schedule.Arn, ScheduleTimer.MaxCatchUp);
            }
            foreach (var due in dueTimes)
            {
                var firing = new ScheduleFiring(plan.Schedule.Arn, plan.Schedule.Target.Arn ?? "", due, now);
                firings.Add(firing);
                _recent.Enqueue(firing);
                if (_recent.Count > RecentCapacity)
                {
                    _recent.Dequeue();
                }
                usage.Add("scheduler", "Invocations", plan.Schedule.Arn);
                logger.Fired(plan.Schedule.Arn, firing.TargetArn, due);
            }
            next = plan.NextDue;
            if (next is null)
            {
                _timers.Remove(plan.Schedule.Arn);
                plan.Timer?.Dispose();
            }
        }
        foreach (var firing in firings)
        {
            Deliver(plan.Schedule, firing);
        }
        if (next is { } due2)
        {
            Start(plan, due2 - now);
        }
        else
        {
            Completed?.Invoke(plan.Schedule);
        }
    }

    private static void Start(ScheduleTimer plan, TimeSpan delay)
    {
        try
        {
            var hop = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxTimerHop ? MaxTimerHop : delay;
            plan.Timer?.Change(hop, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Cancelled between arming and starting: nothing left to do.
        }
    }

    private void Deliver(Schedule schedule, ScheduleFiring firing)
    {
        var task = delivery.DeliverAsync(schedule, firing, _stopping.Token);
        if (task.IsCompleted)
        {
            return;
        }
        lock (_gate)
        {
            _inFlight.Add(task);
        }
        _ = task.ContinueWith(
            done =>
            {
                lock (_gate)
                {
                    _inFlight.Remove(done);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
