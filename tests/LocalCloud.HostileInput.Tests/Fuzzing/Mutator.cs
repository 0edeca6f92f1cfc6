using System.Text;
using System.Text.Json.Nodes;
using LocalCloud.HostileInput.Tests.Models;

namespace LocalCloud.HostileInput.Tests.Fuzzing;

/// <summary>
/// Turns one plausible request into hostile variants: fields deleted or of the wrong type, huge strings, 10,000-deep
/// nesting, out-of-range numbers, NaN text, duplicate keys, truncation, invalid UTF-8, wrong content types, and
/// for restJson operations path labels carrying ../, %00 and invalid percent-encoding. Every choice comes from
/// the seeded <see cref="Random"/>, so a seed reproduces the run.
/// </summary>
public sealed class Mutator(Random random)
{
    private const string Marker = "__HOSTILE__";
    private const int DeepNesting = 10_000;

    private static readonly string[] RawValues =
    [
        "1e309", "-1e309", "-0", "-0.0", "1e-400", "123456789012345678901234567890123456789", "NaN", "Infinity", "-Infinity",
        "undefined", "0x10", "01", "1.", ".5", "+1", "tru", "nul", "'single'", "\"unterminated", "[1,2", "{\"a\":", "\"\\ud800\"", "\"\\u00\"",
    ];

    private static readonly string[] HostileLabels =
    [
        "..", "../..", "..%2F..%2Fetc%2Fpasswd", "%00", "a%00b", "%2e%2e", "%2e%2e%2f%2e%2e", "%FF%FE", "%C0%AF", "%", "%zz", "a/b/../../c",
        "%E2%80%AE", ";x=y", "fuzz%0d%0aX-Injected:%201", "%252e%252e",
    ];

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=utf-16", "",
        "application/x-amz-json-1.1", "*/*",
    ];

    public IEnumerable<HostileRequest> Mutate(ApiOperation operation, RequestSkeleton skeleton)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(skeleton);
        var valid = Utf8(skeleton.Body.ToJsonString());
        yield return RequestWriter.Write(operation, skeleton, valid, "as modelled");
        yield return RequestWriter.Write(operation, skeleton, WithField(skeleton, (parent, key) => Remove(parent, key)), "field deleted");
        yield return RequestWriter.Write(operation, skeleton, WithField(skeleton, (parent, key) => Set(parent, key, WrongType())), "wrong type");
        yield return RequestWriter.Write(operation, skeleton, WithField(skeleton, (parent, key) => Set(parent, key, new string('A', random.Next(100_000, 400_000)))), "huge string");
        yield return RequestWriter.Write(operation, skeleton, RawField(skeleton, Nested(random.Next(2) == 0)), "10,000-deep nesting in a field");
        yield return RequestWriter.Write(operation, skeleton, Utf8(Nested(random.Next(2) == 0)), "10,000-deep nesting as the body");
        yield return RequestWriter.Write(operation, skeleton, RawField(skeleton, RawValues[random.Next(RawValues.Length)]), "raw value");
        yield return RequestWriter.Write(operation, skeleton, DuplicateKey(skeleton.Body), "duplicate key");
        yield return RequestWriter.Write(operation, skeleton, valid[..random.Next(valid.Length)], "truncated");
        yield return RequestWriter.Write(operation, skeleton, [], "empty body");
        yield return RequestWriter.Write(operation, skeleton, InvalidUtf8(skeleton), "invalid UTF-8");
        yield return RequestWriter.Write(operation, skeleton, RandomBytes(), "random bytes");
        yield return RequestWriter.Write(operation, skeleton, valid, "wrong content type", ContentTypes[random.Next(ContentTypes.Length)]);
        yield return RequestWriter.Write(operation, skeleton, Utf8(Top()), "wrong top-level JSON");
        if (operation.IsAwsJson)
        {
            yield return UnknownTarget(operation, valid);
        }
        else if (skeleton.Labels.Count > 0)
        {
            var labels = new Dictionary<string, string>(skeleton.Labels);
            var name = labels.Keys.ElementAt(random.Next(labels.Count));
            labels[name] = random.Next(5) == 0 ? new string('L', 20_000) : HostileLabels[random.Next(HostileLabels.Length)];
            var hostile = RequestWriter.Write(operation, skeleton, valid, $"label {name}={labels[name]}");
            var target = RequestWriter.Target(operation, labels, skeleton.Query, encodeLabels: false);
            yield return hostile with { Target = target, MalformedHttp = target.Length > 8 * 1024 || target.Contains("%00", StringComparison.Ordinal) };
        }
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private HostileRequest UnknownTarget(ApiOperation operation, byte[] body)
    {
        string[] targets =
        [
            operation.Model.TargetPrefix + ".NoSuchOperation", operation.Model.TargetPrefix + ".", "." + operation.Name, operation.Target.ToUpperInvariant(),
            operation.Model.TargetPrefix!, operation.Target + "\u00e9", "Foo_20990101." + operation.Name, operation.Target + ".Extra",
        ];
        var target = targets[random.Next(targets.Length)];
        return new HostileRequest("POST", "/", [new("X-Amz-Target", target), new("Content-Type", "application/x-amz-json-1.0")], body, $"unknown target {target}")
        {
            // A raw non-ASCII header value is not valid HTTP; Kestrel may refuse it before LocalCloud sees it.
            MalformedHttp = target.Any(c => c > 127),
        };
    }

    private JsonNode WrongType() => random.Next(6) switch
    {
        0 => JsonValue.Create(random.Next()),
        1 => JsonValue.Create("wrong"),
        2 => JsonValue.Create(true),
        3 => new JsonArray(1, "two", null),
        4 => new JsonObject { ["unexpected"] = 1 },
        _ => JsonValue.Create(-1.5),
    };

    private string Top() => random.Next(6) switch
    {
        0 => "null",
        1 => "[]",
        2 => "\"string\"",
        3 => "42",
        4 => "{}{}",
        _ => "{\"a\":1} trailing",
    };

    private static string Nested(bool arrays) => arrays
        ? new string('[', DeepNesting) + new string(']', DeepNesting)
        : string.Concat(Enumerable.Repeat("{\"a\":", DeepNesting)) + "1" + new string('}', DeepNesting);

    /// <summary>Applies <paramref name="change"/> to a random member somewhere in the body (or adds one at the top).</summary>
    private byte[] WithField(RequestSkeleton skeleton, Action<JsonNode, object> change)
    {
        var body = skeleton.Body.DeepClone().AsObject();
        var slots = Slots(body).ToList();
        if (slots.Count == 0)
        {
            change(body, "Unexpected");
        }
        else
        {
            var (parent, key) = slots[random.Next(slots.Count)];
            change(parent, key);
        }
        return Utf8(body.ToJsonString());
    }

    private byte[] RawField(RequestSkeleton skeleton, string raw)
    {
        var text = Encoding.UTF8.GetString(WithField(skeleton, (parent, key) => Set(parent, key, Marker)));
        return Utf8(text.Replace("\"" + Marker + "\"", raw, StringComparison.Ordinal));
    }

    private byte[] DuplicateKey(JsonObject body)
    {
        var text = body.ToJsonString();
        if (body.Count == 0)
        {
            return Utf8("{\"a\":1,\"a\":\"two\"}");
        }
        var (name, value) = body.ElementAt(random.Next(body.Count));
        var duplicate = $"\"{name}\":{(random.Next(2) == 0 ? value?.ToJsonString() ?? "null" : "{\"dup\":true}")},";
        return Utf8("{" + duplicate + text[1..]);
    }

    private byte[] InvalidUtf8(RequestSkeleton skeleton)
    {
        byte[][] bad = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80]];
        var text = Encoding.UTF8.GetString(WithField(skeleton, (parent, key) => Set(parent, key, Marker)));
        var cut = text.IndexOf(Marker, StringComparison.Ordinal);
        var before = Utf8(text[..cut]);
        var after = Utf8(text[(cut + Marker.Length)..]);
        return [.. before, .. bad[random.Next(bad.Length)], .. after];
    }

    private byte[] RandomBytes()
    {
        var bytes = new byte[random.Next(1, 2048)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static IEnumerable<(JsonNode Parent, object Key)> Slots(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    yield return (obj, name);
                    if (child is not null)
                    {
                        foreach (var slot in Slots(child))
                        {
                            yield return slot;
                        }
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return (array, i);
                    if (array[i] is { } child)
                    {
                        foreach (var slot in Slots(child))
                        {
                            yield return slot;
                        }
                    }
                }
                break;
        }
    }

    private static void Remove(JsonNode parent, object key)
    {
        if (parent is JsonObject obj)
        {
            obj.Remove((string)key);
        }
        else if (parent is JsonArray array)
        {
            array.RemoveAt((int)key);
        }
    }

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (parent is JsonObject obj)
        {
            obj[(string)key] = value;
        }
        else if (parent is JsonArray array)
        {
            array[(int)key] = value;
        }
    }
}
