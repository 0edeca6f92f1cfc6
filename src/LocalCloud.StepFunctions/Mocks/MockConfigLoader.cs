using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LocalCloud.StepFunctions.Asl;

namespace LocalCloud.StepFunctions.Mocks;

/// <summary>
/// Reads a Step Functions Local mock configuration file and refuses a bad one with the line and the reason, so a typo
/// is found when LocalCloud starts rather than as a real call in the middle of a test. The structure is AWS's
/// (https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-mock-cfg-file.html): StateMachines → name →
/// TestCases → test case → state name → mocked response name; MockedResponses → name → invocation index or range →
/// exactly one of Return (any JSON) or Throw ({"Error", "Cause"} strings).
/// </summary>
public static partial class MockConfigLoader
{
    private const string StateMachines = "StateMachines";
    private const string MockedResponses = "MockedResponses";
    private const string TestCases = "TestCases";

    public static MockConfig LoadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new MockConfigException($"The mock configuration file {path} cannot be read: {e.Message}");
        }
        return Parse(bytes, path);
    }

    public static MockConfig Parse(string json, string source = "mock configuration") => Parse(Encoding.UTF8.GetBytes(json), source);

    public static MockConfig Parse(byte[] utf8, string source)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        LineMap lines;
        JsonNode? root;
        try
        {
            lines = new LineMap(utf8, source);
            root = JsonNode.Parse(utf8);
        }
        catch (JsonException e)
        {
            throw new MockConfigException(source, (int)(e.LineNumber ?? 0) + 1, $"not valid JSON: {e.Message}");
        }
        return new Reader(source, lines).Read(root);
    }

    [GeneratedRegex(@"^(\d{1,9})(?:-(\d{1,9}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex InvocationKey();

    private sealed class Reader(string source, LineMap lines)
    {
        public MockConfig Read(JsonNode? root)
        {
            if (root is not JsonObject top)
            {
                throw Error(1, "a mock configuration is a JSON object with the fields StateMachines and MockedResponses");
            }
            foreach (var (key, _) in top)
            {
                if (key is not (StateMachines or MockedResponses))
                {
                    throw Error(lines.Of(key), $"unknown field '{key}': a mock configuration has only StateMachines and MockedResponses");
                }
            }
            var responses = ReadResponses(RequireObject(top, MockedResponses));
            var machines = new Dictionary<string, IReadOnlyDictionary<string, MockTestCase>>(StringComparer.Ordinal);
            foreach (var (machine, value) in RequireObject(top, StateMachines))
            {
                machines[machine] = ReadMachine(machine, value, responses);
            }
            return new MockConfig(machines);
        }

        private JsonObject RequireObject(JsonObject parent, string field, params string[] path)
        {
            string[] at = [.. path, field];
            return parent[field] switch
            {
                JsonObject o => o,
                null when !parent.ContainsKey(field) => throw Error(lines.Of(path), $"'{string.Join('.', at[..^1].DefaultIfEmpty("the file"))}' has no {field} object"),
                _ => throw Error(lines.Of(at), $"'{string.Join('.', at)}' must be a JSON object"),
            };
        }

        private Dictionary<string, MockTestCase> ReadMachine(string machine, JsonNode? value, Dictionary<string, MockedResponseSequence> responses)
        {
            if (value is not JsonObject body)
            {
                throw Error(lines.Of(StateMachines, machine), $"state machine '{machine}' must be an object with a TestCases object");
            }
            foreach (var (key, _) in body)
            {
                if (key != TestCases)
                {
                    throw Error(lines.Of(StateMachines, machine, key), $"unknown field '{key}' in state machine '{machine}': it has only TestCases");
                }
            }
            var cases = new Dictionary<string, MockTestCase>(StringComparer.Ordinal);
            foreach (var (name, testCase) in RequireObject(body, TestCases, StateMachines, machine))
            {
                if (testCase is not JsonObject states)
                {
                    throw Error(lines.Of(StateMachines, machine, TestCases, name), $"test case '{name}' must be an object of state names to mocked response names");
                }
                var mocked = new Dictionary<string, MockedResponseSequence>(StringComparer.Ordinal);
                foreach (var (state, responseName) in states)
                {
                    var line = lines.Of(StateMachines, machine, TestCases, name, state);
                    if (responseName is not JsonValue v || !v.TryGetValue<string>(out var named))
                    {
                        throw Error(line, $"state '{state}' of test case '{name}' must name a mocked response (a string)");
                    }
                    mocked[state] = responses.TryGetValue(named, out var sequence)
                        ? sequence
                        : throw Error(line, $"state '{state}' of test case '{name}' uses the mocked response '{named}', which MockedResponses does not define");
                }
                cases[name] = new MockTestCase(machine, name, mocked);
            }
            return cases;
        }

        private Dictionary<string, MockedResponseSequence> ReadResponses(JsonObject all)
        {
            var responses = new Dictionary<string, MockedResponseSequence>(StringComparer.Ordinal);
            foreach (var (name, value) in all)
            {
                if (value is not JsonObject invocations)
                {
                    throw Error(lines.Of(MockedResponses, name), $"mocked response '{name}' must be an object of invocation indexes (\"0\", \"1-2\") to Return or Throw");
                }
                var ranges = new List<MockedResponseRange>();
                foreach (var (key, answer) in invocations)
                {
                    var line = lines.Of(MockedResponses, name, key);
                    var match = InvocationKey().Match(key);
                    if (!match.Success)
                    {
                        throw Error(line, $"invocation index '{key}' of mocked response '{name}' is neither a number (\"0\") nor a range (\"1-2\")");
                    }
                    var first = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                    var last = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : first;
                    if (last < first)
                    {
                        throw Error(line, $"invocation range '{key}' of mocked response '{name}' ends before it starts");
                    }
                    if (ranges.FirstOrDefault(r => r.First <= last && first <= r.Last) is { } overlap)
                    {
                        throw Error(line, $"invocation {Math.Max(first, overlap.First)} of mocked response '{name}' is answered twice");
                    }
                    ranges.Add(new MockedResponseRange(first, last, ReadAnswer(name, key, answer, line)));
                }
                responses[name] = new MockedResponseSequence(name, ranges);
            }
            return responses;
        }

        private MockedResponse ReadAnswer(string name, string key, JsonNode? answer, int line)
        {
            if (answer is not JsonObject { Count: 1 } one || one.First() is not { Key: "Return" or "Throw" } field)
            {
                throw Error(line, $"invocation '{key}' of mocked response '{name}' must hold exactly one field, Return or Throw");
            }
            if (field.Key == "Return")
            {
                return new MockedResponse(field.Value?.DeepClone() ?? JsonValue.Create((string?)null), null);
            }
            var throwLine = lines.Of(MockedResponses, name, key, "Throw");
            if (field.Value is not JsonObject thrown)
            {
                throw Error(throwLine, $"Throw of mocked response '{name}' must be an object with the strings Error and Cause");
            }
            foreach (var (member, _) in thrown)
            {
                if (member is not ("Error" or "Cause"))
                {
                    throw Error(lines.Of(MockedResponses, name, key, "Throw", member), $"unknown field '{member}' in Throw of mocked response '{name}': it has only Error and Cause");
                }
            }
            return new MockedResponse(null, new Failure(Text(thrown, "Error", name, key), Text(thrown, "Cause", name, key)));
        }

        private string Text(JsonObject thrown, string member, string name, string key)
            => thrown[member] is JsonValue v && v.TryGetValue<string>(out var s)
                ? s
                : throw Error(lines.Of(thrown.ContainsKey(member) ? [MockedResponses, name, key, "Throw", member] : [MockedResponses, name, key, "Throw"]),
                    $"Throw of mocked response '{name}' must have {member} as a string");

        private MockConfigException Error(int line, string reason) => new(source, line, reason);
    }

    /// <summary>The line of each property in the file, by its path of names: JsonNode keeps no positions.</summary>
    private sealed class LineMap
    {
        private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

        public LineMap(byte[] utf8, string source)
        {
            var reader = new Utf8JsonReader(utf8);
            var path = new List<string>();
            // The names met so far in each open object: a repeated one would silently hide the first (JsonNode keeps the last).
            var seen = new Stack<HashSet<string>>();
            // For each open container: whether it is an object entered through a property (so its end pops a name).
            var named = new Stack<bool>();
            string? pending = null;
            var line = 1;
            var counted = 0;
            while (reader.Read())
            {
                var start = (int)reader.TokenStartIndex;
                line += utf8.AsSpan(counted, start - counted).Count((byte)'\n');
                counted = start;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pending = reader.GetString()!;
                        if (!seen.Peek().Add(pending))
                        {
                            throw new MockConfigException(source, line, $"the field '{pending}' appears twice in the same object");
                        }
                        _lines.TryAdd(Key([.. path, pending]), line);
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        seen.Push(new HashSet<string>(StringComparer.Ordinal));
                        named.Push(pending is not null);
                        if (pending is not null)
                        {
                            path.Add(pending);
                        }
                        pending = null;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        seen.Pop();
                        if (named.Pop())
                        {
                            path.RemoveAt(path.Count - 1);
                        }
                        break;
                    default:
                        pending = null;
                        break;
                }
            }
        }

        public int Of(params string[] path) => path.Length == 0 ? 1 : _lines.GetValueOrDefault(Key(path), 1);

        private static string Key(IEnumerable<string> path) => string.Join('\u001f', path);
    }
}
