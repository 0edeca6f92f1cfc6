using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Asl.Intrinsics;

/// <summary>
/// Every intrinsic function AWS documents, with its argument checks; a bad argument at run time is
/// States.IntrinsicFailure (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html).
/// </summary>
public static partial class IntrinsicFunctions
{
    /// <summary>AWS caps the string inputs of the encoding and hash functions at 10,000 characters.</summary>
    public const int MaxStringInput = 10_000;

    public const int MaxRangeItems = 1000;

    /// <summary>AWS writes JSON text without escaping quotes, apostrophes or angle brackets as \uXXXX.</summary>
    public static JsonSerializerOptions AwsJsonText { get; } = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Dictionary<string, (int Min, int Max)> Arity = new(StringComparer.Ordinal)
    {
        ["States.Format"] = (1, int.MaxValue),
        ["States.StringToJson"] = (1, 1),
        ["States.JsonToString"] = (1, 1),
        ["States.Array"] = (0, int.MaxValue),
        ["States.ArrayPartition"] = (2, 2),
        ["States.ArrayContains"] = (2, 2),
        ["States.ArrayRange"] = (3, 3),
        ["States.ArrayGetItem"] = (2, 2),
        ["States.ArrayLength"] = (1, 1),
        ["States.ArrayUnique"] = (1, 1),
        ["States.Base64Encode"] = (1, 1),
        ["States.Base64Decode"] = (1, 1),
        ["States.Hash"] = (2, 2),
        ["States.JsonMerge"] = (3, 3),
        ["States.MathRandom"] = (2, 3),
        ["States.MathAdd"] = (2, 2),
        ["States.StringSplit"] = (2, 2),
        ["States.UUID"] = (0, 0),
    };

    public static IEnumerable<string> Names => Arity.Keys;

    public static bool TryGetArity(string name, out int min, out int max)
    {
        var found = Arity.TryGetValue(name, out var arity);
        (min, max) = arity;
        return found;
    }

    /// <summary>Runs one function on evaluated arguments. <paramref name="formatTemplate"/> is the raw text of a literal first argument.</summary>
    public static JsonNode? Invoke(string name, IReadOnlyList<JsonNode?> args, string? formatTemplate) => name switch
    {
        "States.Format" => Format(args, formatTemplate),
        "States.StringToJson" => StringToJson(args),
        "States.JsonToString" => JsonValue.Create(args[0]?.ToJsonString(AwsJsonText) ?? "null"),
        "States.Array" => new JsonArray(args.Select(a => a?.DeepClone()).ToArray()),
        "States.ArrayPartition" => ArrayPartition(args),
        "States.ArrayContains" => JsonValue.Create(ArrayArg(name, args, 0).Any(item => JsonNode.DeepEquals(item, args[1]))),
        "States.ArrayRange" => ArrayRange(args),
        "States.ArrayGetItem" => ArrayGetItem(args),
        "States.ArrayLength" => JsonValue.Create(ArrayArg(name, args, 0).Count),
        "States.ArrayUnique" => ArrayUnique(args),
        "States.Base64Encode" => Base64Encode(args),
        "States.Base64Decode" => Base64Decode(args),
        "States.Hash" => Hash(args),
        "States.JsonMerge" => JsonMerge(args),
        "States.MathRandom" => MathRandom(args),
        "States.MathAdd" => MathAdd(args),
        "States.StringSplit" => StringSplit(args),
        "States.UUID" => JsonValue.Create(Guid.NewGuid().ToString()),
        _ => throw Failure(name, "is not an intrinsic function"),
    };

    private static StatesFailureException Failure(string function, string detail)
        => new(StatesErrors.IntrinsicFailure, $"The intrinsic function {function} failed: {detail}");

    private static string Describe(JsonNode? node) => node?.ToJsonString() ?? "null";

    private static JsonArray ArrayArg(string function, IReadOnlyList<JsonNode?> args, int index)
        => args[index] as JsonArray ?? throw Failure(function, $"argument {index + 1} must be a JSON array, got {Describe(args[index])}");

    private static string StringArg(string function, IReadOnlyList<JsonNode?> args, int index)
        => args[index] is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw Failure(function, $"argument {index + 1} must be a string, got {Describe(args[index])}");

    private static JsonObject ObjectArg(string function, IReadOnlyList<JsonNode?> args, int index)
        => args[index] as JsonObject ?? throw Failure(function, $"argument {index + 1} must be a JSON object, got {Describe(args[index])}");

    private static long IntegerArg(string function, IReadOnlyList<JsonNode?> args, int index)
    {
        if (JsonNumbers.TryGetInt64(args[index], out var whole))
        {
            return whole;
        }
        throw Failure(function, $"argument {index + 1} must be an integer, got {Describe(args[index])}");
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
