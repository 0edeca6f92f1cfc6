using System.Globalization;
using System.Text.RegularExpressions;
using Aws.Clients.Scheduler;
using Poc.Cli.Endpoints;

namespace Poc.Cli.Monitor;

/// <summary>
/// Estimates a schedule's next firing: GetSchedule has no such field
/// (https://docs.aws.amazon.com/scheduler/latest/APIReference/API_GetSchedule.html).
/// A rate schedule without StartDate fires on creation and then every period; with StartDate, StartDate is its first
/// occurrence (https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#rate-based). An update
/// re-arms it, so the last modification is the best anchor poc can see. LocalCloud runs each schedule's clock
/// scheduleTimeScale times as fast from the moment it armed the schedule, so a period there lasts period × scale.
/// </summary>
public static partial class ScheduleEstimate
{
    /// <summary>The next firing after <paramref name="now"/>, or why there is none.</summary>
    public static NextFiring Next(GetScheduleResponse schedule, DateTimeOffset now, EndpointKind kind, double? scheduleTimeScale)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (string.Equals(schedule.State, "DISABLED", StringComparison.Ordinal))
        {
            return NextFiring.None("disabled");
        }

        var expression = schedule.ScheduleExpression ?? "";
        if (RateExpression().Match(expression) is { Success: true } rate)
        {
            return Bounded(Rate(schedule, rate, now, kind, scheduleTimeScale), schedule.EndDate);
        }

        if (AtExpression().Match(expression) is { Success: true } at)
        {
            return At(at.Groups["time"].Value, schedule.ScheduleExpressionTimezone, now);
        }

        return expression.StartsWith("cron(", StringComparison.Ordinal)
            ? NextFiring.None("cron: not estimated")
            : NextFiring.None($"unknown expression '{expression}'");
    }

    private static NextFiring Rate(GetScheduleResponse schedule, Match rate, DateTimeOffset now, EndpointKind kind, double? scheduleTimeScale)
    {
        var value = int.Parse(rate.Groups["value"].Value, CultureInfo.InvariantCulture);
        var period = rate.Groups["unit"].Value switch
        {
            "minute" or "minutes" => TimeSpan.FromMinutes(value),
            "hour" or "hours" => TimeSpan.FromHours(value),
            _ => TimeSpan.FromDays(value),
        };
        var armed = schedule.LastModificationDate ?? schedule.CreationDate;
        if (armed is not { } origin || period <= TimeSpan.Zero)
        {
            return NextFiring.None("no creation time to count from");
        }

        var scaled = kind == EndpointKind.LocalCloud && scheduleTimeScale is > 0;
        var scale = scaled ? scheduleTimeScale!.Value : 1.0;
        var anchor = schedule.StartDate ?? origin;

        // Occurrence k is anchor + k × period on the schedule's clock, origin + (that − origin) × scale on the host's.
        var elapsedOnScheduleClock = (now - origin) / scale;
        var periodsPassed = (elapsedOnScheduleClock - (anchor - origin)) / period;
        var k = Math.Max(0, (long)Math.Floor(periodsPassed) + 1);
        var next = origin + ((anchor - origin + (period * k)) * scale);
        var basis = "estimated from " + (schedule.StartDate is null ? "its last change" : "its start date")
                    + (scaled ? string.Create(CultureInfo.InvariantCulture, $", LocalCloud time × {scale:0.###}")
                        : kind == EndpointKind.LocalCloud ? ", LocalCloud's time scale unknown" : "");
        return new NextFiring(next, basis);
    }

    private static NextFiring At(string time, string? zoneId, DateTimeOffset now)
    {
        if (!DateTime.TryParseExact(time, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return NextFiring.None($"one-time, unreadable time {time}");
        }

        TimeZoneInfo zone;
        try
        {
            zone = string.IsNullOrEmpty(zoneId) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            return NextFiring.None($"one-time, unknown time zone {zoneId}");
        }

        var at = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return at > now ? new NextFiring(at, "estimated: one-time at(…)") : NextFiring.None("one-time, already past");
    }

    private static NextFiring Bounded(NextFiring next, DateTimeOffset? end)
        => next.At is { } at && end is { } e && at > e ? NextFiring.None("past its end date") : next;

    [GeneratedRegex(@"^rate\((?<value>[1-9][0-9]{0,8}) (?<unit>minutes?|hours?|days?)\)$")]
    private static partial Regex RateExpression();

    [GeneratedRegex(@"^at\((?<time>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$")]
    private static partial Regex AtExpression();
}
