using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.JsonPath;
using LocalCloud.StepFunctions.Asl.States;

namespace LocalCloud.StepFunctions.Asl.DataFlow;

/// <summary>
/// ASL's JSONPath fields (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-input-output-filtering.html).
/// ResultPath null (<see cref="DiscardResult"/>) keeps the input and drops the result. In Assign, "$" is the result
/// after ResultSelector (the effective input for states without a result, the error output in a Catch).
/// </summary>
public sealed record JsonPathIo(
    PathSpec InputPath,
    PathSpec OutputPath,
    JsonNode? Parameters = null,
    JsonNode? ResultSelector = null,
    ReferencePath? ResultPath = null,
    bool DiscardResult = false,
    JsonObject? Assign = null) : StateIo
{
    public static JsonPathIo Default { get; } = new(PathSpec.Root, PathSpec.Root);

    public override QueryLanguage Language => QueryLanguage.JsonPath;

    public override JsonNode? SelectInput(IStateScope scope, JsonNode? raw) => Select(InputPath, raw, "InputPath");

    public override JsonNode? Arguments(IStateScope scope, JsonNode? raw, JsonNode? input)
        => Parameters is null ? input : JsonPathReader.Expand(Parameters, input, scope);

    public override StateExit Finish(IStateScope scope, JsonNode? raw, JsonNode? value, ResultKind kind)
    {
        var selected = kind == ResultKind.Result && ResultSelector is not null
            ? JsonPathReader.Expand(ResultSelector, value, scope)
            : value;
        var assigned = Assign is null ? null : Assignment.From(JsonPathReader.Expand(Assign, selected, scope), scope.StateName);
        var resultPath = ResultPath ?? ReferencePath.Root;
        var merged = DiscardResult ? raw?.DeepClone()
            : resultPath.Path.IsRoot && ReferenceEquals(selected, raw) ? raw
            : resultPath.Apply(raw, Owned(selected, raw, kind));
        return new StateExit(Select(OutputPath, merged, "OutputPath"), assigned);
    }

    /// <summary>
    /// The value to put into the output tree. A state's input is never changed (Retry, Catch and redrive read it
    /// again, and with InputPath "$" the input is the raw input itself), so a value that is the raw input or sits in
    /// a tree is copied. A value the state built itself (Parameters, Result, ResultSelector, a copy InputPath made) is
    /// used as it is; a work result is copied as before, as its producer (a mock, a task runner) may keep it.
    /// </summary>
    private JsonNode? Owned(JsonNode? selected, JsonNode? raw, ResultKind kind)
    {
        var built = kind == ResultKind.None || (kind == ResultKind.Result && ResultSelector is not null);
        return built && selected is not null && selected.Parent is null && !ReferenceEquals(selected, raw) ? selected : selected?.DeepClone();
    }

    /// <summary>
    /// InputPath and OutputPath. "$" gives the node itself, not a copy: an input is only read (see <see cref="Owned"/>)
    /// and an output is a tree this state built. A narrower path copies what it selects, so every state input and
    /// output is the root of its own tree.
    /// </summary>
    private static JsonNode? Select(PathSpec spec, JsonNode? node, string field)
    {
        if (spec.Path is null)
        {
            return new JsonObject();
        }
        if (spec.Path.IsRoot)
        {
            return node;
        }
        if (spec.Path.TrySelect(node, out var value))
        {
            return value;
        }
        throw new StatesFailureException(StatesErrors.Runtime,
            $"Invalid path '{spec.Path.Text}' : No results for path: {spec.Path.Text} (applying {field} to {node?.ToJsonString() ?? "null"})");
    }
}
