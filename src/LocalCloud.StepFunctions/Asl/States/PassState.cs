using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.DataFlow;

namespace LocalCloud.StepFunctions.Asl.States;

public sealed class PassState(string name, string? next, StateIo io, JsonNode? result) : State(name, next, io)
{
    public override string Type => "Pass";

    public JsonNode? Result { get; } = result;

    public override Task<StateOutcome> ExecuteAsync(IStateScope scope, JsonNode? rawInput, CancellationToken cancellationToken)
    {
        var input = Io.Arguments(scope, rawInput, Io.SelectInput(scope, rawInput));
        return Task.FromResult(Finish(scope, rawInput, Result is null ? input : Result.DeepClone(), ResultKind.None));
    }
}
