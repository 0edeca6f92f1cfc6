using System.Globalization;

namespace JobOrchestration.Functions.Common;

/// <summary>One timestamp format for every stored date: fixed width UTC, so strings sort like the instants they name (status-index range key).</summary>
internal static class Iso8601
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Write(DateTimeOffset value) => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset Read(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
