using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.Choice;
using LocalCloud.StepFunctions.Asl.DataFlow;

namespace LocalCloud.StepFunctions.Asl.States;

/// <summary>
/// Takes the first rule that matches, else Default, else fails with States.NoChoiceMatched. A matched rule's own
/// Assign/Output apply; the state's apply only when Default is taken
/// (https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html).
/// </summary>
public sealed class ChoiceState(string name, StateIo io, IReadOnlyList<ChoiceBranch> choices, string? defaultNext)
    : State(name, null, io)
{
    public override string Type => "Choice";

    public IReadOnlyList<ChoiceBranch> Choices { get; } = choices;

    public string? Default { get; } = defaultNext;

    public override Task<StateOutcome> ExecuteAsync(IStateScope scope, JsonNode? rawInput, CancellationToken cancellationToken)
    {
        var input = Io.SelectInput(scope, rawInput);
        ChoiceBranch? matched = null;
        for (var i = 0; i < Choices.Count && matched is null; i++)
        {
            matched = Choices[i].Rule.Evaluate(input, scope) ? Choices[i] : null;
        }
        var next = matched?.Next ?? Default
            ?? throw new StatesFailureException(StatesErrors.NoChoiceMatched,
                $"No Matches! The Choice state '{Name}' matched no rule for input {input?.ToJsonString() ?? "null"} and has no Default.");
        var exit = (matched?.Io ?? Io).Finish(scope, rawInput, input, ResultKind.None);
        return Task.FromResult(new StateOutcome(exit.Output, next, exit.Assigned));
    }
}
