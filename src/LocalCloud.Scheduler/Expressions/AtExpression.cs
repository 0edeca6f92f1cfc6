
namespace LocalCloud.Scheduler.Expressions;

/// <summary>at(yyyy-mm-ddThh:mm:ss): a wall-clock time in the schedule's time zone.</summary>
internal sealed class AtExpression(DateTime localTime) : IScheduleExpression
{
    public DateTime LocalTime { get; } = DateTime.SpecifyKind(localTime, DateTimeKind.Unspecified);

    public bool IsOneTime => true;

    public DateTimeOffset? Next(DateTimeOffset after, bool inclusive, DateTimeOffset anchor, TimeZoneInfo zone)
    {
        var instant = Instant(zone);
        return instant > after || (inclusive && instant == after) ? instant : null;
    }

    public DateTimeOffset Instant(TimeZoneInfo zone)
    {
        // A wall time skipped by a DST change does not exist; AWS moves such invocations forward by the
        // gap (https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#daylist-savings-time).
        var local = LocalTime;
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
