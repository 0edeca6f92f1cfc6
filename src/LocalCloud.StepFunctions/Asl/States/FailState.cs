using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.DataFlow;
using LocalCloud.StepFunctions.Asl.Intrinsics;

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
        bool ReadPath(string p, out JsonNode? v) => scope.DataFlow.TryRead(p, input, scope.Context, out v);
        JsonNode? value;
        var found = path.StartsWith("States.", StringComparison.Ordinal)
            ? TryIntrinsic(path, ReadPath, out value)
            : ReadPath(path, out value);
        if (found && value is JsonValue v && v.TryGetValue<string>(out var text))
        {
            return text;
        }
        throw new StatesFailureException(StatesErrors.Runtime, $"The {field} '{path}' did not select a string from the input '{input?.ToJsonString() ?? "null"}'");
    }

    private static bool TryIntrinsic(string text, IntrinsicEvaluator.PathReader read, out JsonNode? value)
    {
        value = IntrinsicEvaluator.Evaluate(IntrinsicParser.Parse(text), read);
        return true;
    }
}
