using System.Globalization;
using System.Text.RegularExpressions;

namespace LocalCloud.Scheduler.Expressions;

/// <summary>
/// Parses ScheduleExpression as EventBridge Scheduler accepts it
/// (https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html).
/// </summary>
internal static partial class ScheduleExpressionParser
{
    /// <summary>The expression, or null when AWS would reject it.</summary>
    public static IScheduleExpression? TryParse(string expression)
    {
        if (Rate().Match(expression) is { Success: true } rate)
        {
            return ParseRate(rate.Groups["value"].Value, rate.Groups["unit"].Value);
        }
        if (At().Match(expression) is { Success: true } at)
        {
            return DateTime.TryParseExact(at.Groups["time"].Value, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                ? new AtExpression(local)
                : null;
        }
        if (Cron().Match(expression) is { Success: true } cron)
        {
            return AwsCronExpression.TryParse(cron.Groups["fields"].Value);
        }
        return null;
    }

    private static RateExpression? ParseRate(string valueText, string unit)
    {
        if (!int.TryParse(valueText, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            return null;
        }
        // "If the value is equal to 1, then the unit must be singular. If the value is greater than 1, the
        // unit must be plural." (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rate-expressions.html)
        var plural = unit.EndsWith('s');
        if (plural != (value > 1))
        {
            return null;
        }
        var interval = unit.TrimEnd('s') switch
        {
            "minute" => TimeSpan.FromMinutes(value),
            "hour" => TimeSpan.FromHours(value),
            _ => TimeSpan.FromDays(value),
        };
        return new RateExpression(interval);
    }

    [GeneratedRegex(@"^rate\((?<value>\d+) (?<unit>minutes?|hours?|days?)\)$")]
    private static partial Regex Rate();

    [GeneratedRegex(@"^at\((?<time>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$")]
    private static partial Regex At();

    [GeneratedRegex(@"^cron\((?<fields>[^()]+)\)$")]
    private static partial Regex Cron();
}
