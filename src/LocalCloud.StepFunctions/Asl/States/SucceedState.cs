using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.DataFlow;

namespace LocalCloud.StepFunctions.Asl.States;

public sealed class SucceedState(string name, StateDataFields data) : State(name, null, data)
{
    public override string Type => "Succeed";

    public override Task<StateOutcome> ExecuteAsync(IStateScope scope, JsonNode? rawInput, CancellationToken cancellationToken)
        => Task.FromResult(new StateOutcome(scope.DataFlow.SelectOutput(Data, scope.DataFlow.SelectInput(Data, rawInput)), null));
}
