using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.Jsonata;
using LocalCloud.StepFunctions.Asl.States;

namespace LocalCloud.StepFunctions.Asl.Choice;

/// <summary>A JSONata Choice rule: "Condition" must evaluate to a boolean.</summary>
public sealed class ConditionRule(JsonataTemplate condition, string field) : ChoiceRule
{
    public override bool Evaluate(JsonNode? input, IStateScope scope)
    {
        var environment = StatesEnvironment.ForInput(scope, input);
        var value = condition.Evaluate(environment);
        return value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? v.GetValue<bool>()
            : throw environment.TypeError(condition, field, "boolean", value);
    }
}
