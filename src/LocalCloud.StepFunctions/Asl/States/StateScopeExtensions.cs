using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.DataFlow;

namespace LocalCloud.StepFunctions.Asl.States;

/// <summary>
/// Builds the context object only when something reads it: building it (the execution input parsed again, two
/// timestamps formatted, six objects) was most of the cost of a Pass or Choice state (docs/performance.md).
/// </summary>
public static class StateScopeExtensions
{
    // Never read: a path that does not start with "$$" selects from the input, not the context object.
    private static readonly JsonObject Unread = [];

    public static JsonNode ContextFor(this IStateScope scope, string path)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(path);
        return path.StartsWith("$$", StringComparison.Ordinal) ? scope.Context : Unread;
    }

    public static bool TryRead(this IStateScope scope, string path, JsonNode? input, out JsonNode? value)
        => scope.DataFlow.TryRead(path, input, scope.ContextFor(path), out value);

    public static JsonNode? ApplyParameters(this IStateScope scope, StateDataFields data, JsonNode? input)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(data);
        return data.Parameters is null ? input : scope.DataFlow.ApplyParameters(data, input, scope.Context);
    }

    public static JsonNode? SelectResult(this IStateScope scope, StateDataFields data, JsonNode? result)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(data);
        return data.ResultSelector is null ? result : scope.DataFlow.SelectResult(data, result, scope.Context);
    }
}
