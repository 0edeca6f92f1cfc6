// Number formatting and JSON text as JavaScript's Number#toString and JSON.stringify produce them, which the
// reference's $string, & and $clone rely on.
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jsonata;

internal static class JsonText
{
    /// <summary>ECMAScript Number::toString(10): shortest round-trip digits, exponent form outside [1e-7, 1e21).</summary>
    public static string NumberToString(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return "0";
        }

        if (Math.Abs(value) < 1e15 && value == Math.Floor(value))
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }

        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest.StartsWith('-');
        if (negative)
        {
            shortest = shortest[1..];
        }

        // Split .NET's shortest form into digits and a decimal exponent n (value = 0.d1d2… × 10^n).
        var exponent = 0;
        var ePos = shortest.IndexOfAny(['E', 'e']);
        var mantissa = shortest;
        if (ePos >= 0)
        {
            exponent = int.Parse(shortest[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = shortest[..ePos];
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var fracPart = dot >= 0 ? mantissa[(dot + 1)..] : "";
        var digits = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - digits.Length;
        var n = intPart.Length - leadingZeros + exponent;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            return "0";
        }

        var k = digits.Length;
        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }

        if (k <= n && n <= 21)
        {
            sb.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var e = n - 1;
            sb.Append(digits[0]);
            if (k > 1)
            {
                sb.Append('.').Append(digits, 1, k - 1);
            }

            sb.Append('e').Append(e >= 0 ? "+" : "-").Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>JavaScript's <c>Number(x.toPrecision(15))</c>.</summary>
    public static double ToPrecision15(double value)
    {
        if (!double.IsFinite(value) || value == Math.Floor(value))
        {
            return value;
        }

        return double.Parse(value.ToString("E14", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>The reference's <c>$string</c> of a non-string: JSON.stringify with 15-significant-digit numbers and functions as "".</summary>
    public static string Stringify(object? value, bool pretty)
    {
        var sb = new StringBuilder();
        Write(sb, value, pretty, 0, true);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, bool pretty, int indent, bool top)
    {
        switch (value)
        {
            case null:
                if (top)
                {
                    sb.Append("null");
                }

                break;
            case JNull:
                sb.Append("null");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case double d:
                if (double.IsInfinity(d))
                {
                    throw new JsonataException("D1001", $"Number out of range: {NumberToString(d)}") { Value = d };
                }

                sb.Append(double.IsFinite(d) ? NumberToString(ToPrecision15(d)) : "null");
                break;
            case string s:
                WriteString(sb, s);
                break;
            case JFunction:
                sb.Append("\"\"");
                break;
            case JList list:
                if (list.Count == 0)
                {
                    sb.Append("[]");
                    break;
                }

                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    NewLine(sb, pretty, indent + 1);
                    if (list[i] is null)
                    {
                        sb.Append("null");
                    }
                    else
                    {
                        Write(sb, list[i], pretty, indent + 1, false);
                    }
                }

                NewLine(sb, pretty, indent);
                sb.Append(']');
                break;
            case JObject obj:
                var first = true;
                sb.Append('{');
                foreach (var (key, item) in obj)
                {
                    if (item is null)
                    {
                        continue;
                    }

                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    NewLine(sb, pretty, indent + 1);
                    WriteString(sb, key);
                    sb.Append(pretty ? ": " : ":");
                    Write(sb, item, pretty, indent + 1, false);
                }

                if (!first)
                {
                    NewLine(sb, pretty, indent);
                }

                sb.Append('}');
                break;
            default:
                sb.Append("{}");
                break;
        }
    }

    private static void NewLine(StringBuilder sb, bool pretty, int indent)
    {
        if (pretty)
        {
            sb.Append('\n').Append(' ', indent * 2);
        }
    }

    public static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || (char.IsSurrogate(c) && !IsPairedSurrogate(s, i)))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    private static bool IsPairedSurrogate(string s, int i) =>
        char.IsHighSurrogate(s[i]) ? i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) : i > 0 && char.IsHighSurrogate(s[i - 1]);

    public static object? FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ObjectFrom(element),
        JsonValueKind.Array => ArrayFrom(element),
        JsonValueKind.String => ReadString(element),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => JNull.Value,
        _ => null,
    };

    /// <summary>A string element's value; JSON text may escape lone surrogates, which JsonElement.GetString refuses.</summary>
    public static string ReadString(JsonElement element)
    {
        if (element.ValueEquals(string.Empty) || !element.GetRawText().Contains("\\u", StringComparison.Ordinal))
        {
            return element.GetString()!;
        }

        var raw = element.GetRawText();
        var sb = new StringBuilder(raw.Length);
        for (var i = 1; i < raw.Length - 1; i++)
        {
            var c = raw[i];
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            c = raw[++i];
            switch (c)
            {
                case 'u':
                    sb.Append((char)int.Parse(raw.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    private static JObject ObjectFrom(JsonElement element)
    {
        var obj = new JObject();
        foreach (var property in element.EnumerateObject())
        {
            obj[property.Name] = FromElement(property.Value);
        }

        return obj;
    }

    private static JList ArrayFrom(JsonElement element)
    {
        var list = new JList(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            list.Add(FromElement(item));
        }

        return list;
    }

    public static object? Parse(string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 4096 });
        return FromElement(doc.RootElement);
    }

    public static object? FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JNull.Value;
            case JsonObject o:
                var obj = new JObject();
                foreach (var (key, child) in o)
                {
                    obj[key] = FromNode(child);
                }

                return obj;
            case JsonArray a:
                var list = new JList(a.Count);
                foreach (var child in a)
                {
                    list.Add(FromNode(child));
                }

                return list;
            default:
                var value = (JsonValue)node;
                return value.GetValueKind() switch
                {
                    JsonValueKind.String => value.GetValue<string>(),
                    JsonValueKind.Number => value.TryGetValue<double>(out var d) ? d : double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => JNull.Value,
                };
        }
    }

    /// <summary>To a JsonNode: undefined becomes C# null, as does JSON null (System.Text.Json has no null node); functions become "".</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null or JNull => null,
        bool b => JsonValue.Create(b),
        double d => double.IsFinite(d) && d == Math.Floor(d) && Math.Abs(d) < 9e15 ? JsonValue.Create((long)d) : JsonValue.Create(d),
        string s => JsonValue.Create(s),
        JList list => new JsonArray([.. list.Select(ToNode)]),
        JObject obj => ToObject(obj),
        JFunction => JsonValue.Create(""),
        _ => null,
    };

    private static JsonObject ToObject(JObject obj)
    {
        var result = new JsonObject();
        foreach (var (key, item) in obj)
        {
            if (item is not null)
            {
                result[key] = ToNode(item);
            }
        }

        return result;
    }
}
