using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.DataFlow;

namespace LocalCloud.StepFunctions.Asl.States;

public sealed class SucceedState(string name, StateIo io) : State(name, null, io)
{
    public override string Type => "Succeed";

    public override Task<StateOutcome> ExecuteAsync(IStateScope scope, JsonNode? rawInput, CancellationToken cancellationToken)
        => Task.FromResult(Finish(scope, rawInput, Io.SelectInput(scope, rawInput), ResultKind.None));
}
