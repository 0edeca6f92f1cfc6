using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.DataFlow;

namespace LocalCloud.StepFunctions.Asl.States;

/// <summary>Ends the execution as failed with Error/Cause, or with what ErrorPath/CausePath select from the input.</summary>
public sealed class FailState(string name, string? error, string? cause, string? errorPath, string? causePath)
    : State(name, null, StateDataFields.Default)
{
    public override string Type => "Fail";

    public override bool WritesExitEvent => false;

    public override Task<StateOutcome> ExecuteAsync(IStateScope scope, JsonNode? rawInput, CancellationToken cancellationToken)
    {
        var resolvedError = errorPath is null ? error : Read(scope, errorPath, rawInput, "ErrorPath");
        var resolvedCause = causePath is null ? cause : Read(scope, causePath, rawInput, "CausePath");
        throw new StatesFailureException(resolvedError ?? string.Empty, resolvedCause);
    }

    private static string Read(IStateScope scope, string path, JsonNode? input, string field)
    {
        if (scope.DataFlow.TryRead(path, input, scope.Context, out var value) && value is JsonValue v && v.TryGetValue<string>(out var text))
        {
            return text;
        }
        throw new StatesFailureException(StatesErrors.Runtime, $"The {field} '{path}' did not select a string from the input '{input?.ToJsonString() ?? "null"}'");
    }
}
