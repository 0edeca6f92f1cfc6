
namespace LocalCloud.Scheduler.Expressions;

internal sealed class RateExpression(TimeSpan interval) : IScheduleExpression
{
    public TimeSpan Interval { get; } = interval;

    public bool IsOneTime => false;

    public DateTimeOffset? Next(DateTimeOffset after, bool inclusive, DateTimeOffset anchor, TimeZoneInfo zone)
    {
        if (after < anchor || (inclusive && after == anchor))
        {
            return anchor;
        }
        var elapsed = (after - anchor).Ticks;
        var steps = elapsed / Interval.Ticks;
        var onBoundary = elapsed % Interval.Ticks == 0;
        if (!(onBoundary && inclusive))
        {
            steps++;
        }
        return anchor + TimeSpan.FromTicks(steps * Interval.Ticks);
    }
}
