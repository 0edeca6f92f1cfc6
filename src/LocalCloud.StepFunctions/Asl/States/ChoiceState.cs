using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.Choice;
using LocalCloud.StepFunctions.Asl.DataFlow;

namespace LocalCloud.StepFunctions.Asl.States;

/// <summary>Takes the first rule that matches, else Default, else fails with States.NoChoiceMatched.</summary>
public sealed class ChoiceState(string name, StateDataFields data, IReadOnlyList<ChoiceBranch> choices, string? defaultNext)
    : State(name, null, data)
{
    public override string Type => "Choice";

    public IReadOnlyList<ChoiceBranch> Choices { get; } = choices;

    public string? Default { get; } = defaultNext;

    public override Task<StateOutcome> ExecuteAsync(IStateScope scope, JsonNode? rawInput, CancellationToken cancellationToken)
    {
        var input = scope.DataFlow.SelectInput(Data, rawInput);
        var next = Choices.FirstOrDefault(c => c.Rule.Evaluate(input, scope))?.Next ?? Default
            ?? throw new StatesFailureException(StatesErrors.NoChoiceMatched,
                $"No Matches! The Choice state '{Name}' matched no rule for input {input?.ToJsonString() ?? "null"} and has no Default.");
        return Task.FromResult(new StateOutcome(scope.DataFlow.SelectOutput(Data, input), next));
    }
}
