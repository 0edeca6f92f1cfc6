using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Asl.JsonPath;

/// <summary>
/// The JSONPath subset ASL uses ($, .a, ['a'], [0], [*], ..a), evaluated on System.Text.Json.Nodes.
/// Written here rather than taken from Newtonsoft's SelectToken so the engine stays on one JSON model
/// (no JToken/JsonNode conversions on every state) and so "no match" is a result we can turn into
/// the States.* error AWS names, not an exception or a silent null.
/// </summary>
public sealed class JsonPathExpression
{
    // An array, not a list behind an interface: the hot path walks it without an enumerator allocation.
    private readonly JsonPathSegment[] _segments;

    private JsonPathExpression(string text, List<JsonPathSegment> segments)
    {
        Text = text;
        _segments = [.. segments];
        IsDefinite = segments.All(s => s is JsonPathSegment.Member or JsonPathSegment.Index);
    }

    public string Text { get; }

    public IReadOnlyList<JsonPathSegment> Segments => _segments;

    /// <summary>True for "$" alone: the path names its root.</summary>
    public bool IsRoot => _segments.Length == 0;

    /// <summary>True when the path names at most one node (no [*], no ..): it then yields that value, not a list.</summary>
    public bool IsDefinite { get; }

    public static bool TryParse(string text, out JsonPathExpression? path, out string? error)
    {
        path = null;
        error = null;
        if (string.IsNullOrEmpty(text) || text[0] != '$')
        {
            error = "a path must start with '$'";
            return false;
        }
        var segments = new List<JsonPathSegment>();
        var i = 1;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                if (i + 1 < text.Length && text[i + 1] == '.')
                {
                    var name = ReadName(text, ref i, 2);
                    if (name.Length == 0)
                    {
                        error = $"a name must follow '..' at {i}";
                        return false;
                    }
                    segments.Add(new JsonPathSegment.Descendant(name));
                }
                else if (i + 1 < text.Length && text[i + 1] == '*')
                {
                    segments.Add(new JsonPathSegment.Wildcard());
                    i += 2;
                }
                else
                {
                    var name = ReadName(text, ref i, 1);
                    if (name.Length == 0)
                    {
                        error = $"a name must follow '.' at {i}";
                        return false;
                    }
                    segments.Add(new JsonPathSegment.Member(name));
                }
            }
            else if (text[i] == '[')
            {
                if (!TryReadBracket(text, ref i, segments, out error))
                {
                    return false;
                }
            }
            else
            {
                error = $"unexpected '{text[i]}' at {i}";
                return false;
            }
        }
        path = new JsonPathExpression(text, segments);
        return true;
    }

    public static JsonPathExpression Parse(string text)
        => TryParse(text, out var path, out var error) ? path! : throw new FormatException($"Invalid JSONPath '{text}': {error}");

    /// <summary>Every node the path reaches; empty when nothing matches (a JSON null that exists is a match).</summary>
    public IReadOnlyList<JsonNode?> Evaluate(JsonNode? root)
    {
        if (IsDefinite)
        {
            return TryFind(root, out var found) ? [found] : [];
        }
        IEnumerable<JsonNode?> current = [root];
        foreach (var segment in _segments)
        {
            current = segment switch
            {
                JsonPathSegment.Member m => current.SelectMany(n => n is JsonObject o && o.TryGetPropertyValue(m.Name, out var v) ? [v] : Array.Empty<JsonNode?>()),
                JsonPathSegment.Index ix => current.SelectMany(n => n is JsonArray a && ResolveIndex(a, ix.Position) is { } p ? [a[p]] : Array.Empty<JsonNode?>()),
                JsonPathSegment.Wildcard => current.SelectMany(Children),
                JsonPathSegment.Descendant d => current.SelectMany(n => Descendants(n, d.Name)),
                _ => throw new InvalidOperationException(segment.ToString()),
            };
        }
        return current.ToList();
    }

    /// <summary>The value as ASL uses it: a definite path gives its node, an indefinite one an array of matches.</summary>
    public bool TrySelect(JsonNode? root, out JsonNode? value)
    {
        if (IsDefinite)
        {
            var found = TryFind(root, out value);
            value = value?.DeepClone();
            return found;
        }
        value = new JsonArray(Evaluate(root).Select(m => m?.DeepClone()).ToArray());
        return true;
    }

    /// <summary>
    /// As <see cref="TrySelect"/>, but a definite path's node comes back as it is, still in <paramref name="root"/>'s
    /// tree: for callers that only read it (Choice rules, ItemsPath, numbers read from the input). Copying every
    /// selected value was the engine's largest allocation.
    /// </summary>
    public bool TryPeek(JsonNode? root, out JsonNode? value)
        => IsDefinite ? TryFind(root, out value) : TrySelect(root, out value);

    /// <summary>Walks a definite path (names and indexes only) to the one node it names.</summary>
    private bool TryFind(JsonNode? root, out JsonNode? value)
    {
        value = root;
        foreach (var segment in _segments)
        {
            switch (segment)
            {
                case JsonPathSegment.Member m when value is JsonObject o && o.TryGetPropertyValue(m.Name, out var child):
                    value = child;
                    break;
                case JsonPathSegment.Index ix when value is JsonArray a && ResolveIndex(a, ix.Position) is { } p:
                    value = a[p];
                    break;
                default:
                    value = null;
                    return false;
            }
        }
        return true;
    }

    public override string ToString() => Text;

    private static int? ResolveIndex(JsonArray array, int position)
    {
        var p = position < 0 ? array.Count + position : position;
        return p >= 0 && p < array.Count ? p : null;
    }

    private static IEnumerable<JsonNode?> Children(JsonNode? node) => node switch
    {
        JsonObject o => o.Select(kv => kv.Value),
        JsonArray a => a,
        _ => [],
    };

    private static IEnumerable<JsonNode?> Descendants(JsonNode? node, string name)
    {
        if (node is JsonObject o && o.TryGetPropertyValue(name, out var v))
        {
            yield return v;
        }
        foreach (var child in Children(node))
        {
            foreach (var found in Descendants(child, name))
            {
                yield return found;
            }
        }
    }

    private static string ReadName(string text, ref int i, int skip)
    {
        i += skip;
        var start = i;
        while (i < text.Length && text[i] != '.' && text[i] != '[')
        {
            i++;
        }
        return text[start..i];
    }

    private static bool TryReadBracket(string text, ref int i, List<JsonPathSegment> segments, out string? error)
    {
        error = null;
        i++;
        if (i < text.Length && (text[i] == '\'' || text[i] == '"'))
        {
            var quote = text[i++];
            var name = new StringBuilder();
            while (i < text.Length && text[i] != quote)
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    i++;
                }
                name.Append(text[i++]);
            }
            if (i + 1 >= text.Length || text[i + 1] != ']')
            {
                error = "unterminated quoted name";
                return false;
            }
            i += 2;
            segments.Add(new JsonPathSegment.Member(name.ToString()));
            return true;
        }
        var close = text.IndexOf(']', i);
        if (close < 0)
        {
            error = "missing ']'";
            return false;
        }
        var inner = text[i..close].Trim();
        i = close + 1;
        if (inner == "*")
        {
            segments.Add(new JsonPathSegment.Wildcard());
            return true;
        }
        if (int.TryParse(inner, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
        {
            segments.Add(new JsonPathSegment.Index(index));
            return true;
        }
        error = $"unsupported selector [{inner}] (LocalCloud supports names, indexes and [*])";
        return false;
    }
}
