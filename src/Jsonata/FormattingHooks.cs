namespace Jsonata;

/// <summary>
/// The seam between the built-ins and the picture-string code in Formatting/ (written alongside this engine):
/// converts the engine's values to the plain C# types that code takes.
/// </summary>
internal static class FormattingHooks
{
    public static object? FormatNumber(double value, string picture, JObject? options) =>
        throw new JsonataException("D3999", "$formatNumber is not implemented yet");

    public static object? FormatInteger(double value, string picture) =>
        throw new JsonataException("D3999", "$formatInteger is not implemented yet");

    public static object? ParseInteger(string value, string picture) =>
        throw new JsonataException("D3999", "$parseInteger is not implemented yet");
}

internal static class DateTimeHooks
{
    public static object? Format(double millis, string? picture, string? timezone)
    {
        if (picture is null && timezone is null)
        {
            return Functions.IsoString(millis);
        }

        throw new JsonataException("D3999", "date/time pictures are not implemented yet");
    }

    public static object? Parse(string timestamp, string picture) =>
        throw new JsonataException("D3999", "date/time pictures are not implemented yet");
}
