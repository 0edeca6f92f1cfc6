using System.Globalization;
using System.Net;
using System.Text.Json;

namespace LocalCloud.WebConsole;

/// <summary>Small helpers for the server-rendered pages: everything user-supplied is encoded here.</summary>
internal static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string U(string? text) => Uri.EscapeDataString(text ?? "");

    public static string Time(DateTimeOffset? t) => t is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) : "—";

    /// <summary>An epoch-seconds wire date (as the API answers) as a readable UTC time.</summary>
    public static string Time(JsonElement parent, string member)
        => parent.TryGetProperty(member, out var v) && v.ValueKind == JsonValueKind.Number
            ? Time(DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(v.GetDouble() * 1000)))
            : "—";

    public static string Str(JsonElement parent, string member)
        => parent.TryGetProperty(member, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

    /// <summary>JSON text indented for reading; text that is not JSON is shown as it is.</summary>
    public static string Pretty(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return "";
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    /// <summary>JSON for a &lt;script type="application/json"&gt; block: "&lt;" escaped so no value can close the element.</summary>
    public static string ScriptJson<T>(T value) => JsonSerializer.Serialize(value, ScriptOptions);

    public static string Duration(TimeSpan span) => span.TotalSeconds < 60
        ? $"{span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s"
        : span.TotalMinutes < 60 ? $"{(int)span.TotalMinutes} min {span.Seconds} s" : $"{(int)span.TotalHours} h {span.Minutes} min";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The default encoder escapes <, > and & as \u003C…: safe inside a script element.
    private static readonly JsonSerializerOptions ScriptOptions = new(JsonSerializerDefaults.Web);
}
