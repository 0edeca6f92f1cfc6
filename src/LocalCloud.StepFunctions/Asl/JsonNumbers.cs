using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Asl;

/// <summary>
/// Reads a JSON number whatever backs the node. Parsed input holds JsonElements, but values the engine makes
/// (intrinsics such as States.ArrayLength, $$.Map.Item.Index) hold CLR primitives, and
/// JsonValue.GetValue&lt;double&gt;() refuses an int-backed value; reading the number's JSON text serves both.
/// </summary>
internal static class JsonNumbers
{
    public static bool TryGetDecimal(JsonNode? node, out decimal value)
    {
        value = 0;
        return IsNumber(node) && decimal.TryParse(node!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryGetDouble(JsonNode? node, out double value)
    {
        value = 0;
        return IsNumber(node) && double.TryParse(node!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>True for a number with no fractional part that fits a long (1, 1.0 and 1e3 all count).</summary>
    public static bool TryGetInt64(JsonNode? node, out long value)
    {
        value = 0;
        if (!TryGetDecimal(node, out var d) || d != decimal.Truncate(d) || d < long.MinValue || d > long.MaxValue)
        {
            return false;
        }
        value = (long)d;
        return true;
    }

    private static bool IsNumber(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number;
}
