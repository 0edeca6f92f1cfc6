using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.DataFlow;

namespace LocalCloud.StepFunctions.Asl.States;

public sealed class PassState(string name, string? next, StateDataFields data, JsonNode? result) : State(name, next, data)
{
    public override string Type => "Pass";

    public JsonNode? Result { get; } = result;

    public override Task<StateOutcome> ExecuteAsync(IStateScope scope, JsonNode? rawInput, CancellationToken cancellationToken)
    {
        var flow = scope.DataFlow;
        var input = scope.ApplyParameters(Data, flow.SelectInput(Data, rawInput));
        var result = Result is null ? input : Result.DeepClone();
        var output = flow.SelectOutput(Data, flow.MergeResult(Data, rawInput, result));
        return Task.FromResult(new StateOutcome(output, Next));
    }
}
