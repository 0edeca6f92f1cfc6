using System.Globalization;

namespace Poc.Cli.Monitor;

/// <summary>Short human durations for narrow columns: "850ms", "12s", "3m 04s", "2h 05m", "3d 04h".</summary>
public static class Durations
{
    /// <summary>Formats a non-negative span; negative spans (clock skew) count as zero.</summary>
    public static string Compact(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalSeconds switch
        {
            < 1 => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:0}ms"),
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalSeconds}s"),
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}m {span.Seconds:00}s"),
            < 86400 => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h {span.Minutes:00}m"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d {span.Hours:00}h"),
        };
    }

    /// <summary>"in 42s", or "passed 3s ago" when <paramref name="at"/> is not after <paramref name="now"/>.</summary>
    public static string Until(DateTimeOffset at, DateTimeOffset now)
        => at > now ? "in " + Compact(at - now) : "passed " + Compact(now - at) + " ago";
}
