using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Asl.Intrinsics;

public static partial class IntrinsicFunctions
{
    private static JsonArray ArrayPartition(IReadOnlyList<JsonNode?> args)
    {
        const string name = "States.ArrayPartition";
        var array = ArrayArg(name, args, 0);
        var size = IntegerArg(name, args, 1);
        if (size <= 0)
        {
            throw Failure(name, $"the chunk size must be a positive integer, got {Text(size)}");
        }
        var chunks = new JsonArray();
        for (var i = 0; i < array.Count; i += (int)Math.Min(size, int.MaxValue))
        {
            chunks.Add(new JsonArray(array.Skip(i).Take((int)Math.Min(size, int.MaxValue)).Select(x => x?.DeepClone()).ToArray()));
        }
        return chunks;
    }

    /// <summary>Both ends inclusive; the step may be negative but not zero; at most 1000 items.</summary>
    private static JsonArray ArrayRange(IReadOnlyList<JsonNode?> args)
    {
        const string name = "States.ArrayRange";
        var start = IntegerArg(name, args, 0);
        var end = IntegerArg(name, args, 1);
        var step = IntegerArg(name, args, 2);
        if (step == 0)
        {
            throw Failure(name, "the step must not be 0");
        }
        var count = (end - start) / step < 0 ? 0 : ((end - start) / step) + 1;
        if (count > MaxRangeItems)
        {
            throw Failure(name, $"the range would have {Text(count)} items; at most {MaxRangeItems} are allowed");
        }
        var result = new JsonArray();
        for (var i = 0L; i < count; i++)
        {
            result.Add(start + (i * step));
        }
        return result;
    }

    private static JsonNode? ArrayGetItem(IReadOnlyList<JsonNode?> args)
    {
        const string name = "States.ArrayGetItem";
        var array = ArrayArg(name, args, 0);
        var index = IntegerArg(name, args, 1);
        if (index < 0 || index >= array.Count)
        {
            throw Failure(name, $"the index {Text(index)} is out of bounds for an array of length {Text(array.Count)}");
        }
        return array[(int)index]?.DeepClone();
    }

    private static JsonArray ArrayUnique(IReadOnlyList<JsonNode?> args)
    {
        var unique = new List<JsonNode?>();
        foreach (var item in ArrayArg("States.ArrayUnique", args, 0))
        {
            if (!unique.Any(u => JsonNode.DeepEquals(u, item)))
            {
                unique.Add(item);
            }
        }
        return new JsonArray(unique.Select(u => u?.DeepClone()).ToArray());
    }
}
