namespace LocalCloud.StepFunctions.Asl.JsonPath;

public enum PathRoot
{
    Input,
    Context,
    Variable,
}

/// <summary>
/// A path that may start at the input ("$.a"), the context object ("$$.Execution.Id") or a workflow variable
/// ("$order.items[0]"): the root, and the JSONPath applied to it.
/// </summary>
public sealed record PathReference(PathRoot Root, string? Variable, JsonPathExpression Path)
{
    public static bool TryParse(string text, out PathReference? reference, out string? error)
    {
        reference = null;
        if (text.StartsWith("$$", StringComparison.Ordinal))
        {
            return Build(PathRoot.Context, null, text[1..], out reference, out error);
        }
        if (text.Length > 1 && text[0] == '$' && (char.IsLetter(text[1]) || text[1] == '_'))
        {
            var end = 1;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }
            return Build(PathRoot.Variable, text[1..end], "$" + text[end..], out reference, out error);
        }
        return Build(PathRoot.Input, null, text, out reference, out error);
    }

    private static bool Build(PathRoot root, string? variable, string path, out PathReference? reference, out string? error)
    {
        reference = JsonPathExpression.TryParse(path, out var parsed, out error) ? new PathReference(root, variable, parsed!) : null;
        return reference is not null;
    }
}
