using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Jsonata;

namespace LocalCloud.StepFunctions.Asl.Jsonata;

/// <summary>
/// JSONata as Step Functions runs it: the language plus the functions AWS adds — $partition, $range, $hash, $random,
/// $uuid, $parse — and without $eval, which AWS does not offer, and in the 2.0.6 language AWS names
/// (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html#jsonata-functions-provided-by-sfn).
/// </summary>
public static partial class StepFunctionsJsonata
{
    /// <summary>Ours, not AWS's: a guard so one expression cannot allocate without bound (AWS's own limit is not documented).</summary>
    public const int MaxRangeItems = 1_000_000;

    private static readonly string[] HashAlgorithms = ["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"];

    public static bool TryCompile(string text, out JsonataExpression? expression, out string? error)
    {
        expression = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the expression is empty";
            return false;
        }
        try
        {
            // AWS implements the 2.0.6 language: "??" and "?:" (2.1.0) must fail here as they fail there.
            expression = WithFunctions(JsonataExpression.Compile(text, JsonataDialect.Version20));
            return true;
        }
        catch (JsonataException e)
        {
            error = $"{e.Code}: {e.Message}";
            return false;
        }
    }

    /// <summary>Whether an expression can reach $states.context (any mention of it, or of $states as a whole).</summary>
    public static bool MayReadContext(string text) => text.Contains("context", StringComparison.Ordinal) || WholeStates().IsMatch(text);

    [GeneratedRegex(@"\$states(?!\s*\.\s*(input|result|errorOutput)\b)")]
    private static partial Regex WholeStates();

    /// <summary>
    /// False only when the expression cannot reach $states.input: it names no "input" and every $states in it is
    /// followed by .result, .errorOutput or .context. Converting the input for an expression that cannot read it (a
    /// Map's ItemSelector reading $states.context.Map.Item, once per item) was most of a JSONata Map's cost.
    /// </summary>
    public static bool MayReadInput(string text) => text.Contains("input", StringComparison.Ordinal) || StatesOtherThanInput().IsMatch(text);

    [GeneratedRegex(@"\$states(?!\s*\.\s*(result|errorOutput|context)\b)")]
    private static partial Regex StatesOtherThanInput();

    private static JsonataExpression WithFunctions(JsonataExpression expression) => expression
        .WithFunction("partition", "<an:a>", (_, args) => Partition(args[0], args[1]))
        .WithFunction("range", "<nnn?:a>", (_, args) => Range(Number(args[0]), Number(args[1]), args.Length > 2 && args[2] is double s ? s : 1))
        .WithFunction("hash", "<ss:s>", (_, args) => Hash((string)args[0]!, (string)args[1]!))
        .WithFunction("random", "<n?:n>", (_, args) => args.Length > 0 && args[0] is double seed ? new Random((int)seed).NextDouble() : Random.Shared.NextDouble())
        .WithFunction("uuid", "<:s>", (_, _) => Guid.NewGuid().ToString())
        .WithFunction("parse", "<s:x>", (_, args) => Parse((string)args[0]!))
        .WithFunction("eval", "<x-:x>", (_, _) => throw new JsonataException("T1006", "The function $eval is not supported in Step Functions; use $parse to read JSON text"));

    private static double Number(object? value) => value is double d ? d : throw new JsonataException("T0410", "Argument must be a number");

    private static JList Partition(object? array, object? size)
    {
        var items = array as JList ?? [array];
        if (size is not double n || n < 1 || n != Math.Floor(n))
        {
            throw new JsonataException("D3030", "The chunk size of $partition must be a positive integer");
        }
        var chunk = (int)Math.Min(n, int.MaxValue);
        var result = new JList();
        for (var i = 0; i < items.Count; i += chunk)
        {
            result.Add(new JList(items.Skip(i).Take(chunk)));
        }
        return result;
    }

    private static JList Range(double start, double end, double step)
    {
        if (step == 0 || !double.IsFinite(step))
        {
            throw new JsonataException("D3030", "The step of $range must be a non-zero number");
        }
        var count = Math.Floor((end - start) / step) + 1;
        if (count > MaxRangeItems)
        {
            throw new JsonataException("D2014", $"The $range would produce {count.ToString(CultureInfo.InvariantCulture)} items, more than {MaxRangeItems}");
        }
        var result = new JList();
        for (var i = 0; i < count; i++)
        {
            result.Add(start + (i * step));
        }
        return result;
    }

    private static string Hash(string data, string algorithm)
    {
        var bytes = Encoding.UTF8.GetBytes(data);
        // Not for security: AWS's $hash offers these algorithms, and a workflow that names one must get its digest.
#pragma warning disable CA5350, CA5351
        byte[] digest = algorithm switch
        {
            "MD5" => MD5.HashData(bytes),
            "SHA-1" => SHA1.HashData(bytes),
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-384" => SHA384.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            _ => throw new JsonataException("D3030", $"The hash algorithm '{algorithm}' is not supported; use one of {string.Join(", ", HashAlgorithms)}"),
        };
#pragma warning restore CA5350, CA5351
        return Convert.ToHexStringLower(digest);
    }

    private static object? Parse(string json)
    {
        try
        {
            return JsonataValues.Parse(json);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new JsonataException("D3030", $"$parse was given text that is not JSON: {e.Message}");
        }
    }
}
