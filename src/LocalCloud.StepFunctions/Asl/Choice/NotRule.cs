using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.States;

namespace LocalCloud.StepFunctions.Asl.Choice;

public sealed class NotRule(ChoiceRule rule) : ChoiceRule
{
    public override bool Evaluate(JsonNode? input, IStateScope scope) => !rule.Evaluate(input, scope);
}
