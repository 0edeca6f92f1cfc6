using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Asl.Variables;

/// <summary>
/// AWS's rules for variables (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html):
/// a name is an identifier of at most 80 characters and not the reserved "states"; one Assign field and each value
/// in it hold at most 256 KiB; all variables of an execution at most 10 MiB.
/// </summary>
public static class VariableLimits
{
    public const int MaxNameLength = 80;
    public const int MaxAssignBytes = 256 * 1024;
    public const long MaxTotalBytes = 10L * 1024 * 1024;

    /// <summary>
    /// ECMAScript identifier rules without the '$' AWS reserves for references: a letter or '_' first, then letters,
    /// digits or '_'.
    /// </summary>
    public static bool IsValidName(string name)
    {
        if (name.Length is 0 or > MaxNameLength || name == "states")
        {
            return false;
        }
        if (!(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }
        return true;
    }

    public static int Size(JsonNode? value) => System.Text.Encoding.UTF8.GetByteCount(value?.ToJsonString() ?? "null");
}
