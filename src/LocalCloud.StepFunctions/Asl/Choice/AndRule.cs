using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.States;

namespace LocalCloud.StepFunctions.Asl.Choice;

public sealed class AndRule(IReadOnlyList<ChoiceRule> rules) : ChoiceRule
{
    public override bool Evaluate(JsonNode? input, IStateScope scope) => rules.All(r => r.Evaluate(input, scope));
}
