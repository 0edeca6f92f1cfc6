using System.Text.RegularExpressions;
using Cronos;

namespace LocalCloud.Scheduler.Expressions;

/// <summary>
/// cron(minutes hours day-of-month month day-of-week year), EventBridge's dialect
/// (https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#cron-based).
/// Cronos evaluates the first five fields (time zones, DST, L, W, #); this class checks AWS's own rules,
/// shifts day-of-week numbers (AWS: 1 = Sunday, Cronos: 0 = Sunday) and applies the year field.
/// </summary>
internal sealed partial class AwsCronExpression : IScheduleExpression
{
    private readonly CronExpression _cron;
    private readonly CronYears _years;

    private AwsCronExpression(CronExpression cron, CronYears years)
    {
        _cron = cron;
        _years = years;
    }

    public bool IsOneTime => false;

    public static AwsCronExpression? TryParse(string body)
    {
        var fields = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            return null;
        }
        var (minutes, hours, dayOfMonth, month, dayOfWeek, year) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
        // "You can't specify the Day-of-month and Day-of-week fields in the same cron expression. If you
        // specify a value or a * in one of the fields, you must use a ? in the other."
        if ((dayOfMonth == "?") == (dayOfWeek == "?"))
        {
            return null;
        }
        if (!MinuteHourMonth().IsMatch(minutes) || !MinuteHourMonth().IsMatch(hours) || !MinuteHourMonth().IsMatch(month)
            || !DayOfMonth().IsMatch(dayOfMonth) || !DayOfWeek().IsMatch(dayOfWeek) || !Year().IsMatch(year))
        {
            return null;
        }
        if (AwsDayNumber().Matches(dayOfWeek).Any(m => m.Value.Length > 1 || m.Value[0] is < '1' or > '7'))
        {
            return null;
        }
        var years = CronYears.Parse(year);
        if (years is null)
        {
            return null;
        }
        try
        {
            var cron = CronExpression.Parse($"{minutes} {hours} {dayOfMonth} {month} {ToCronosDayOfWeek(dayOfWeek)}", CronFormat.Standard);
            return new AwsCronExpression(cron, years);
        }
        catch (CronFormatException)
        {
            return null;
        }
    }

    public DateTimeOffset? Next(DateTimeOffset after, bool inclusive, DateTimeOffset anchor, TimeZoneInfo zone)
    {
        var from = after;
        while (true)
        {
            var next = _cron.GetNextOccurrence(from, zone, inclusive);
            if (next is null)
            {
                return null;
            }
            var year = TimeZoneInfo.ConvertTime(next.Value, zone).Year;
            if (_years.Contains(year))
            {
                return next;
            }
            if (_years.FirstFrom(year + 1) is not { } nextYear)
            {
                return null;
            }
            var startOfYear = new DateTime(nextYear, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
            from = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(startOfYear, zone), TimeSpan.Zero);
            inclusive = true;
        }
    }

    private static string ToCronosDayOfWeek(string field)
    {
        // A lone L is the last day of the week, Saturday (AWS 7).
        if (field == "L")
        {
            return "6";
        }
        return AwsDayNumber().Replace(field, m => (int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^[0-9A-Za-z*,/\-]+$")]
    private static partial Regex MinuteHourMonth();

    [GeneratedRegex(@"^([0-9*,/\-LW]+|\?)$")]
    private static partial Regex DayOfMonth();

    [GeneratedRegex(@"^([0-9A-Za-z*,/\-#]+|\?)$")]
    private static partial Regex DayOfWeek();

    [GeneratedRegex(@"^[0-9*,/\-]+$")]
    private static partial Regex Year();

    // Day numbers, but not the occurrence after '#' (2#3 is the third Monday: only the 2 shifts).
    [GeneratedRegex(@"(?<![#\d])\d+")]
    private static partial Regex AwsDayNumber();
}
