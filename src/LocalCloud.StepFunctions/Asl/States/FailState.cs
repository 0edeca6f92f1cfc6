using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.DataFlow;
using LocalCloud.StepFunctions.Asl.Intrinsics;
using LocalCloud.StepFunctions.Asl.Jsonata;

namespace LocalCloud.StepFunctions.Asl.States;

/// <summary>Error and Cause of a Fail state: literals, JSONPath paths or intrinsics (…Path), or JSONata templates.</summary>
public sealed record FailSpec(
    string? Error = null,
    string? Cause = null,
    string? ErrorPath = null,
    string? CausePath = null,
    JsonataTemplate? ErrorExpression = null,
    JsonataTemplate? CauseExpression = null);

/// <summary>Ends the execution as failed with Error/Cause, or with what ErrorPath/CausePath or an expression give.</summary>
public sealed class FailState(string name, StateIo io, FailSpec spec) : State(name, null, io)
{
    public override string Type => "Fail";

    public override bool WritesExitEvent => false;

    public override Task<StateOutcome> ExecuteAsync(IStateScope scope, JsonNode? rawInput, CancellationToken cancellationToken)
    {
        var error = Resolve(scope, rawInput, spec.Error, spec.ErrorPath, spec.ErrorExpression, "Error");
        var cause = Resolve(scope, rawInput, spec.Cause, spec.CausePath, spec.CauseExpression, "Cause");
        throw new StatesFailureException(error ?? string.Empty, cause);
    }

    private static string? Resolve(IStateScope scope, JsonNode? input, string? literal, string? path, JsonataTemplate? expression, string field)
    {
        if (expression is not null)
        {
            var environment = StatesEnvironment.ForInput(scope, input);
            var value = expression.Evaluate(environment);
            return value is JsonValue v && v.TryGetValue<string>(out var text) ? text : throw environment.TypeError(expression, field, "string", value);
        }
        return path is null ? literal : Read(scope, path, input, field + "Path");
    }

    private static string Read(IStateScope scope, string path, JsonNode? input, string field)
    {
        bool ReadPath(string p, out JsonNode? v) => scope.TryRead(p, input, out v);
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
