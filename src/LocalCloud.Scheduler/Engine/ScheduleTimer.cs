using LocalCloud.Scheduler.Expressions;
using LocalCloud.Scheduler.Model;

namespace LocalCloud.Scheduler.Engine;

/// <summary>
/// The firing plan of one armed schedule. Occurrences are computed on the schedule's own clock, which runs
/// 1/TimeScale as fast as the host clock from the moment the schedule was created or last updated
/// (<see cref="_origin"/>, its LastModificationDate); with TimeScale 1 both clocks are the same. Because the
/// origin is stored with the schedule, a restart re-arms it on the same clock and the same cadence.
/// Not thread-safe: the runner holds its lock around it.
/// </summary>
internal sealed class ScheduleTimer
{
    // A clock that jumps far ahead (a suspended laptop, a test advancing days) would otherwise replay every
    // missed occurrence; past this many in one tick the rest are skipped.
    public const int MaxCatchUp = 100;

    private readonly IScheduleExpression _expression;
    private readonly TimeZoneInfo _zone;
    private readonly DateTimeOffset _origin;
    private readonly DateTimeOffset _anchor;
    private readonly double _scale;
    private DateTimeOffset? _next;

    public ScheduleTimer(Schedule schedule, IScheduleExpression expression, TimeZoneInfo zone, DateTimeOffset now, double scale, ArmReason reason)
    {
        Schedule = schedule;
        _expression = expression;
        _zone = zone;
        _origin = schedule.LastModificationDate;
        _scale = scale;
        if (expression.IsOneTime)
        {
            // "EventBridge Scheduler ignores StartDate for one-time schedules." (API_CreateSchedule). A time before
            // the schedule was stored never fires. Restored, a time that passed while LocalCloud was down is
            // still due, so it fires at once (late), as AWS, which never stops, would have fired it.
            _anchor = _origin;
            _next = expression.Next(_origin, inclusive: true, _origin, zone);
            return;
        }
        // A rate schedule without StartDate "starts invoking the target immediately"; with one, StartDate is its
        // first occurrence (https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#rate-based).
        var start = schedule.StartDate;
        _anchor = start ?? _origin;
        if (reason == ArmReason.Restored)
        {
            // Recurring occurrences that fell while LocalCloud was down are not replayed: the next one after now is.
            var from = ToSchedule(now);
            _next = Bounded(start is { } s && s > from ? expression.Next(s, inclusive: true, _anchor, zone) : expression.Next(from, inclusive: false, _anchor, zone));
            return;
        }
        // An update re-arms from the update time without an extra immediate firing.
        var startsLater = start is { } later && later > _origin;
        _next = Bounded(expression.Next(startsLater ? start!.Value : _origin, reason == ArmReason.Created || startsLater, _anchor, zone));
    }

    public Schedule Schedule { get; }

    public ITimer? Timer { get; set; }

    public bool Cancelled { get; set; }

    /// <summary>When the next firing is due on the host clock; null when the schedule has no more.</summary>
    public DateTimeOffset? NextDue => _next is { } v ? ToHost(v) : null;

    /// <summary>Consumes every occurrence due by <paramref name="now"/> and returns their due times.</summary>
    public List<DateTimeOffset> TakeDue(DateTimeOffset now, out bool skipped)
    {
        var due = new List<DateTimeOffset>();
        skipped = false;
        while (_next is { } occurrence && ToHost(occurrence) <= now)
        {
            due.Add(ToHost(occurrence));
            var after = occurrence;
            if (due.Count >= MaxCatchUp)
            {
                after = ToSchedule(now);
                skipped = true;
            }
            _next = _expression.IsOneTime ? null : Bounded(_expression.Next(after, inclusive: false, _anchor, _zone));
            if (skipped)
            {
                break;
            }
        }
        return due;
    }

    private DateTimeOffset? Bounded(DateTimeOffset? occurrence)
        => occurrence is { } o && Schedule.EndDate is { } end && o > end ? null : occurrence;

    private DateTimeOffset ToHost(DateTimeOffset scheduleTime)
        => _origin + TimeSpan.FromTicks((long)((scheduleTime - _origin).Ticks * _scale));

    private DateTimeOffset ToSchedule(DateTimeOffset hostTime)
        => _origin + TimeSpan.FromTicks((long)((hostTime - _origin).Ticks / _scale));
}
