using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.States;

namespace LocalCloud.StepFunctions.Asl.Choice;

/// <summary>A Boolean expression of a Choice state: a comparison or And/Or/Not of rules.</summary>
public abstract class ChoiceRule
{
    public abstract bool Evaluate(JsonNode? input, IStateScope scope);
}
