using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LocalCloud.StepFunctions.Engine.Tokens;

namespace LocalCloud.WebConsole;

/// <summary>
/// No task token leaves the console in full unless the user reveals it: wherever one appears in what a page shows (a
/// TaskScheduled event's parameters, an input or output that carries it) it is cut to its first and last characters.
/// </summary>
internal static partial class TokenMask
{
    /// <summary>
    /// Enough to tell tokens apart, never enough to use one: the start of every token is the same header
    /// (<see cref="TaskTokenFormat"/>), so the random end is what is shown.
    /// </summary>
    public static string Mask(string token) => token.Length <= 16 ? new string('•', token.Length) : $"{token[..4]}…{token[^8..]}";

    public static string MaskText(string? text)
        => string.IsNullOrEmpty(text) ? text ?? "" : Candidate().Replace(text, m => TaskTokenFormat.IsWellFormed(m.Value) ? Mask(m.Value) : m.Value);

    /// <summary>A history event (or any JSON) with every token in its string values masked.</summary>
    public static JsonNode? MaskJson(JsonElement element) => Walk(JsonNode.Parse(element.GetRawText()));

    public static JsonNode? Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    o[key] = Walk(o[key]);
                }
                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    a[i] = Walk(a[i]);
                }
                return a;
            case JsonValue v when v.TryGetValue<string>(out var s):
                var masked = MaskText(s);
                return ReferenceEquals(masked, s) || masked == s ? v : JsonValue.Create(masked);
            default:
                return node;
        }
    }

    // Base64 runs as long as a token (TaskTokenFormat.Length); IsWellFormed then decides.
    [GeneratedRegex("[A-Za-z0-9+/]{600,}={0,2}", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}
