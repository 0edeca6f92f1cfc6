using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.Jsonata;
using LocalCloud.StepFunctions.Asl.States;

namespace LocalCloud.StepFunctions.Asl.DataFlow;

/// <summary>
/// A JSONata state's fields (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html): Arguments
/// read $states.input; Assign and Output also read $states.result (or $states.errorOutput in a Catch), and both see
/// the variables from state entry, so Output never sees the state's own Assign. Without Output a Task, Parallel or Map
/// hands on its whole result, a Catch its error output, any other state its input.
/// </summary>
public sealed record JsonataIo(JsonataTemplate? ArgumentsField = null, JsonataTemplate? Output = null, JsonataTemplate? Assign = null) : StateIo
{
    public static JsonataIo Default { get; } = new();

    public override QueryLanguage Language => QueryLanguage.Jsonata;

    public override JsonNode? SelectInput(IStateScope scope, JsonNode? raw) => raw;

    public override JsonNode? Arguments(IStateScope scope, JsonNode? raw, JsonNode? input)
        => ArgumentsField is null ? input : ArgumentsField.Evaluate(StatesEnvironment.ForInput(scope, raw));

    public override StateExit Finish(IStateScope scope, JsonNode? raw, JsonNode? value, ResultKind kind)
    {
        if (Assign is null && Output is null)
        {
            return new StateExit(kind == ResultKind.None ? raw : value);
        }
        var environment = StatesEnvironment.ForInput(scope, raw);
        environment = kind switch
        {
            ResultKind.Result => environment.WithResult(value),
            ResultKind.ErrorOutput => environment.WithErrorOutput(value),
            _ => environment,
        };
        var assigned = Assign is null ? null : Assignment.From(Assign.Evaluate(environment), scope.StateName);
        var output = Output is null ? (kind == ResultKind.None ? raw : value) : Output.Evaluate(environment);
        return new StateExit(output, assigned);
    }
}
