using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.DataFlow;

namespace LocalCloud.StepFunctions.Asl.States;

public static class StateScopeExtensions
{
    /// <summary>Reads a JSONPath reference ("$…", "$$…" or "$variable…"); the context object is built only when read.</summary>
    public static bool TryRead(this IStateScope scope, string path, JsonNode? input, out JsonNode? value)
        => JsonPathReader.TryRead(path, input, scope, out value);

    /// <summary>As <see cref="TryRead"/> without the copy (<see cref="JsonPathReader.TryPeek"/>): the value may only be read.</summary>
    public static bool TryPeek(this IStateScope scope, string path, JsonNode? input, out JsonNode? value)
        => JsonPathReader.TryPeek(path, input, scope, out value);
}
