using Jsonata.Formatting;

namespace Jsonata;

/// <summary>
/// The seam between the built-ins and the picture-string code in Formatting/ (written alongside this engine):
/// converts the engine's values to the plain C# types that code takes. A part not written yet reports D3999.
/// </summary>
internal static class FormattingHooks
{
    public static object? FormatNumber(double value, string picture, JObject? options) => Guard("$formatNumber", () =>
    {
        DecimalFormat? format = null;
        if (options is not null)
        {
            var strings = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, option) in options)
            {
                if (option is string s)
                {
                    strings[key] = s;
                }
            }

            format = DecimalFormat.FromOptions(strings);
        }

        return NumberPicture.Format(value, picture, format);
    });

    public static object? FormatInteger(double value, string picture) => Guard("$formatInteger", () => IntegerPicture.Format(value, picture));

    public static object? ParseInteger(string value, string picture) => Guard("$parseInteger", () => IntegerPicture.Parse(value, picture));

    internal static object? Guard<T>(string name, Func<T> body)
    {
        try
        {
            return body();
        }
        catch (NotImplementedException)
        {
            throw new JsonataException("D3999", $"{name} is not implemented yet");
        }
    }
}

internal static class DateTimeHooks
{
    public static object? Format(double millis, string? picture, string? timezone) =>
        FormattingHooks.Guard("$fromMillis", () => DateTimePicture.Format(millis, picture, timezone));

    public static object? Parse(string timestamp, string? picture, double now) =>
        FormattingHooks.Guard("$toMillis", () => DateTimePicture.Parse(timestamp, picture, now));
}
