using System.Text;
using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.Variables;

namespace LocalCloud.StepFunctions.Asl.DataFlow;

/// <summary>An evaluated Assign field as variables, within AWS's 256 KiB per Assign field.</summary>
public static class Assignment
{
    public static IReadOnlyDictionary<string, JsonNode?> From(JsonNode? evaluated, string stateName)
    {
        var assigned = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (evaluated is not JsonObject obj)
        {
            return assigned;
        }
        var size = 0L;
        foreach (var (name, value) in obj)
        {
            size += Encoding.UTF8.GetByteCount(name) + VariableLimits.Size(value);
            assigned[name] = value?.DeepClone();
        }
        if (size > VariableLimits.MaxAssignBytes)
        {
            throw new StatesFailureException(StatesErrors.DataLimitExceeded,
                $"The state/task '{stateName}' assigned variables whose combined size exceeds the maximum of {VariableLimits.MaxAssignBytes} bytes per Assign field.");
        }
        return assigned;
    }
}
