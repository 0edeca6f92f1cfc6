using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Asl.Intrinsics;

public static partial class IntrinsicFunctions
{
    /// <summary>
    /// "{}" takes the next argument; "\{" and "\}" are literal braces. Arguments must be strings, numbers,
    /// booleans or null, and there must be exactly as many as placeholders.
    /// </summary>
    private static JsonValue Format(IReadOnlyList<JsonNode?> args, string? rawTemplate)
    {
        const string name = "States.Format";
        var template = rawTemplate ?? StringArg(name, args, 0);
        var result = new StringBuilder();
        var next = 1;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '\\' && i + 1 < template.Length)
            {
                result.Append(template[++i]);
            }
            else if (c == '{' && i + 1 < template.Length && template[i + 1] == '}')
            {
                if (next >= args.Count)
                {
                    throw Failure(name, $"the template has more placeholders than the {args.Count - 1} argument(s) given");
                }
                result.Append(FormatValue(args[next++]));
                i++;
            }
            else
            {
                result.Append(c);
            }
        }
        if (next != args.Count)
        {
            throw Failure(name, $"the template has {next - 1} placeholder(s) but {args.Count - 1} argument(s) were given");
        }
        return JsonValue.Create(result.ToString());
    }

    private static string FormatValue(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => v.ToJsonString(),
        _ => throw Failure("States.Format", $"arguments must be strings, numbers, booleans or null, got {value.ToJsonString()}"),
    };

    /// <summary>Every character of the delimiter splits; empty pieces are dropped (AWS's example splits on ".+,=").</summary>
    private static JsonArray StringSplit(IReadOnlyList<JsonNode?> args)
    {
        const string name = "States.StringSplit";
        var text = StringArg(name, args, 0);
        var delimiters = StringArg(name, args, 1);
        var pieces = delimiters.Length == 0 ? [text] : text.Split(delimiters.ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
        return new JsonArray(pieces.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray());
    }

    /// <summary>A random integer from start (inclusive) to end (exclusive); a seed makes it repeatable.</summary>
    private static JsonValue MathRandom(IReadOnlyList<JsonNode?> args)
    {
        const string name = "States.MathRandom";
        var start = IntegerArg(name, args, 0);
        var end = IntegerArg(name, args, 1);
        if (start >= end)
        {
            throw Failure(name, $"the start {Text(start)} must be less than the end {Text(end)}");
        }
#pragma warning disable CA5394 // MathRandom is a workflow helper, not a security feature; a seed must give a repeatable value.
        var random = args.Count > 2 ? new Random((int)IntegerArg(name, args, 2)) : Random.Shared;
        return JsonValue.Create(random.NextInt64(start, end));
#pragma warning restore CA5394
    }

    private static JsonValue MathAdd(IReadOnlyList<JsonNode?> args)
    {
        const string name = "States.MathAdd";
        var a = IntegerArg(name, args, 0);
        var b = IntegerArg(name, args, 1);
        return JsonValue.Create(a + b);
    }
}
