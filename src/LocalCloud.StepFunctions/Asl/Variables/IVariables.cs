using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Asl.Variables;

/// <summary>The workflow variables a state reads: the values they had when the state was entered.</summary>
public interface IVariables
{
    bool TryGet(string name, out JsonNode? value);

    /// <summary>Every visible variable, inner scopes shadowing outer ones (a JSONata expression binds them all).</summary>
    IEnumerable<KeyValuePair<string, JsonNode?>> All { get; }
}
