namespace Jsonata.Formatting;

/// <summary>
/// The UTC half of JavaScript's <c>Date</c> (ECMA-262 §21.4.1): the reference formats and parses through it, so its
/// quirks (years 0–99 in <c>Date.UTC</c> meaning 1900–1999, day overflow rolling into the next month, NaN for
/// out-of-range values) are part of the results. Time values are doubles so NaN flows through as it does there.
/// </summary>
internal static class JsDate
{
    private const double MsPerDay = 86_400_000;
    private const double MaxTime = 8.64e15;

    /// <summary><c>Date.UTC(year, month, day, hours, minutes, seconds, ms)</c>, month zero-based.</summary>
    public static double Utc(double year, double month, double day = 1, double hours = 0, double minutes = 0, double seconds = 0, double ms = 0)
    {
        if (!double.IsNaN(year))
        {
            var y = Math.Truncate(year);
            if (y is >= 0 and <= 99)
            {
                year = 1900 + y;
            }
        }

        return TimeClip(MakeDate(MakeDay(year, month, day), MakeTime(hours, minutes, seconds, ms)));
    }

    /// <summary>Like <see cref="Utc"/> without the two-digit-year rule, as the ISO string parser builds dates.</summary>
    public static double FromFields(double year, double month, double day, double hours, double minutes, double seconds, double ms) =>
        TimeClip(MakeDate(MakeDay(year, month, day), MakeTime(hours, minutes, seconds, ms)));

    public static double TimeClip(double time) =>
        double.IsNaN(time) || double.IsInfinity(time) || Math.Abs(time) > MaxTime ? double.NaN : Math.Truncate(time) + 0.0;

    private static double MakeTime(double hour, double min, double sec, double ms)
    {
        if (!IsFinite(hour) || !IsFinite(min) || !IsFinite(sec) || !IsFinite(ms))
        {
            return double.NaN;
        }

        return (Math.Truncate(hour) * 3_600_000) + (Math.Truncate(min) * 60_000) + (Math.Truncate(sec) * 1000) + Math.Truncate(ms);
    }

    private static double MakeDay(double year, double month, double date)
    {
        if (!IsFinite(year) || !IsFinite(month) || !IsFinite(date))
        {
            return double.NaN;
        }

        var y = Math.Truncate(year);
        var m = Math.Truncate(month);
        var dt = Math.Truncate(date);
        var ym = y + Math.Floor(m / 12);
        if (Math.Abs(ym) > 400_000)
        {
            return double.NaN;
        }

        var mn = ((m % 12) + 12) % 12;
        return DaysFromCivil((long)ym, (int)mn + 1, 1) + dt - 1;
    }

    private static double MakeDate(double day, double time) =>
        !IsFinite(day) || !IsFinite(time) ? double.NaN : (day * MsPerDay) + time;

    private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    // Howard Hinnant's days_from_civil: proleptic Gregorian, any year, no DateTime range limits.
    private static long DaysFromCivil(long y, int m, int d)
    {
        y -= m <= 2 ? 1 : 0;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yoe = y - (era * 400);
        var doy = ((153 * (m > 2 ? m - 3 : m + 9)) + 2) / 5 + d - 1;
        var doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
        return (era * 146_097) + doe - 719_468;
    }

    /// <summary>The UTC fields of a time value, all NaN for an invalid one (as <c>getUTC…()</c> returns NaN).</summary>
    public static Fields Split(double time)
    {
        if (double.IsNaN(time))
        {
            return new Fields(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var days = Math.Floor(time / MsPerDay);
        var msInDay = time - (days * MsPerDay);
        var z = (long)days + 719_468;
        var era = (z >= 0 ? z : z - 146_096) / 146_097;
        var doe = z - (era * 146_097);
        var yoe = (doe - (doe / 1460) + (doe / 36_524) - (doe / 146_096)) / 365;
        var y = yoe + (era * 400);
        var doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100));
        var mp = ((5 * doy) + 2) / 153;
        var d = doy - (((153 * mp) + 2) / 5) + 1;
        var m = mp < 10 ? mp + 3 : mp - 9;
        y += m <= 2 ? 1 : 0;
        var weekDay = (((long)days % 7) + 11) % 7; // 1970-01-01 was a Thursday (4)
        return new Fields(
            y,
            m - 1,
            d,
            weekDay,
            Math.Floor(msInDay / 3_600_000),
            Math.Floor(msInDay / 60_000) % 60,
            Math.Floor(msInDay / 1000) % 60,
            msInDay % 1000,
            time);
    }

    /// <summary>getUTCFullYear, getUTCMonth (0–11), getUTCDate, getUTCDay (0 = Sunday), getUTCHours… and getTime.</summary>
    internal readonly record struct Fields(double Year, double Month, double Date, double Day, double Hours, double Minutes, double Seconds, double Milliseconds, double Time);
}
