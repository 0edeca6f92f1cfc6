using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Asl.Intrinsics;

public static partial class IntrinsicFunctions
{
    private static readonly string[] HashAlgorithms = ["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"];

    private static JsonNode? StringToJson(IReadOnlyList<JsonNode?> args)
    {
        var text = StringArg("States.StringToJson", args, 0);
        try
        {
            return text.Trim().Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw Failure("States.StringToJson", $"the string is not valid JSON: {e.Message}");
        }
    }

    private static JsonValue Base64Encode(IReadOnlyList<JsonNode?> args)
    {
        var text = LimitedString("States.Base64Encode", args, 0);
        return JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
    }

    private static JsonValue Base64Decode(IReadOnlyList<JsonNode?> args)
    {
        var text = LimitedString("States.Base64Decode", args, 0);
        try
        {
            return JsonValue.Create(Encoding.UTF8.GetString(Convert.FromBase64String(text)));
        }
        catch (FormatException)
        {
            throw Failure("States.Base64Decode", "the argument is not valid base64");
        }
    }

    private static JsonValue Hash(IReadOnlyList<JsonNode?> args)
    {
        const string name = "States.Hash";
        var data = args[0] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : Describe(args[0]);
        if (data.Length > MaxStringInput)
        {
            throw Failure(name, $"the data may have at most {MaxStringInput} characters");
        }
        var algorithm = StringArg(name, args, 1);
        var bytes = Encoding.UTF8.GetBytes(data);
#pragma warning disable CA5350, CA5351 // MD5 and SHA-1 are what the ASL function offers; they are not used for security here.
        var digest = algorithm switch
        {
            "MD5" => MD5.HashData(bytes),
            "SHA-1" => SHA1.HashData(bytes),
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-384" => SHA384.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            _ => throw Failure(name, $"the algorithm '{algorithm}' is not one of {string.Join(", ", HashAlgorithms)}"),
        };
#pragma warning restore CA5350, CA5351
        return JsonValue.Create(Convert.ToHexStringLower(digest));
    }

    /// <summary>AWS supports only the shallow merge: the third argument must be false; the second object's keys win.</summary>
    private static JsonObject JsonMerge(IReadOnlyList<JsonNode?> args)
    {
        const string name = "States.JsonMerge";
        var left = ObjectArg(name, args, 0);
        var right = ObjectArg(name, args, 1);
        if (args[2] is not JsonValue deep || deep.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw Failure(name, $"argument 3 must be a boolean, got {Describe(args[2])}");
        }
        if (deep.GetValue<bool>())
        {
            throw Failure(name, "deep merging is not supported; the third argument must be false");
        }
        var merged = (JsonObject)left.DeepClone();
        foreach (var (key, value) in right)
        {
            merged[key] = value?.DeepClone();
        }
        return merged;
    }

    private static string LimitedString(string function, IReadOnlyList<JsonNode?> args, int index)
    {
        var text = StringArg(function, args, index);
        return text.Length <= MaxStringInput ? text : throw Failure(function, $"the input may have at most {MaxStringInput} characters");
    }
}
