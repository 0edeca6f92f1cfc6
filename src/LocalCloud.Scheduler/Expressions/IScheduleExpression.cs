
namespace LocalCloud.Scheduler.Expressions;

/// <summary>A parsed ScheduleExpression: rate(...), at(...) or cron(...).</summary>
internal interface IScheduleExpression
{
    bool IsOneTime { get; }

    /// <summary>
    /// The first occurrence after <paramref name="after"/> (or at it when <paramref name="inclusive"/>),
    /// or null when there is none. <paramref name="anchor"/> is where a rate's intervals are counted from.
    /// </summary>
    DateTimeOffset? Next(DateTimeOffset after, bool inclusive, DateTimeOffset anchor, TimeZoneInfo zone);
}
