using LocalCloud.Core.Usage;
using LocalCloud.Scheduler.Expressions;
using LocalCloud.Scheduler.Model;
using LocalCloud.Scheduler.Persistence;
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

    /// <summary>
    /// Called (outside any lock) when a schedule is done: its last firing has been delivered or dropped (not
    /// when delivery was cut short by shutdown), or, restored after a restart, it has no occurrence left.
    /// </summary>
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

    public void Arm(Schedule schedule, IScheduleExpression expression, TimeZoneInfo zone, ArmReason reason)
    {
        Cancel(schedule.Arn);
        if (!schedule.IsEnabled)
        {
            return;
        }
        var now = time.GetUtcNow();
        var plan = new ScheduleTimer(schedule, expression, zone, now, timeScale, reason);
        if (plan.NextDue is not { } due)
        {
            // A recurring schedule whose EndDate passed while LocalCloud was down completed meanwhile.
            if (reason == ArmReason.Restored && !expression.IsOneTime)
            {
                Complete(schedule);
            }
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
        var deliveries = firings.Select(firing => Deliver(plan.Schedule, firing)).ToList();
        if (next is { } due2)
        {
            Start(plan, due2 - now);
        }
        else
        {
            // "EventBridge Scheduler deletes the schedule after it completes invoking the target" (API_CreateSchedule):
            // completion waits for the delivery, so a crash during it fires the schedule again after the restart.
            CompleteAfter(plan.Schedule, firings, deliveries);
        }
    }

    private void CompleteAfter(Schedule schedule, List<ScheduleFiring> firings, List<Task> deliveries)
    {
        if (deliveries.All(d => d.IsCompleted))
        {
            CompleteIfSettled(schedule, firings);
            return;
        }
        _ = Task.WhenAll(deliveries).ContinueWith(
            _ => CompleteIfSettled(schedule, firings),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void CompleteIfSettled(Schedule schedule, List<ScheduleFiring> firings)
    {
        // A delivery cut short by shutdown leaves its firing pending: not completed, so it fires again on restart.
        if (firings.All(f => f.Outcome != FiringOutcome.Pending))
        {
            Complete(schedule);
        }
    }

    private void Complete(Schedule schedule)
    {
        try
        {
            Completed?.Invoke(schedule);
        }
#pragma warning disable CA1031 // Completing writes to the durable store; a failure is logged, never thrown into a timer thread.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.CompletionFailed(schedule.Arn, e);
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

    private Task Deliver(Schedule schedule, ScheduleFiring firing)
    {
        var task = delivery.DeliverAsync(schedule, firing, _stopping.Token);
        if (task.IsCompleted)
        {
            return task;
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
        return task;
    }
}
