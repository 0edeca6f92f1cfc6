// Ported from jsonata-js 2.2.2 (https://github.com/jsonata-js/jsonata, MIT licence, © IBM Corp.): datetime.js.
namespace Jsonata.Formatting;

/// <summary>JSONata's <c>$fromMillis</c> and <c>$toMillis</c>: XPath F&amp;O 3.1 <c>fn:format-dateTime</c> pictures.</summary>
public static class DateTimePicture
{
    /// <summary><paramref name="picture"/> null gives ISO 8601 (<c>2017-10-28T23:13:43.123Z</c>); <paramref name="timezone"/> is <c>±HHMM</c>.</summary>
    public static string Format(double millis, string? picture, string? timezone)
    {
        throw new NotImplementedException();
    }

    /// <summary>
    /// Returns null where the reference returns undefined. Components a picture leaves out above the ones it gives
    /// default to <paramref name="nowMillis"/>, the evaluation's clock (the reference's <c>$now()</c>); the system clock when null.
    /// </summary>
    public static double? Parse(string timestamp, string? picture, double? nowMillis = null)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        throw new NotImplementedException();
    }
}
