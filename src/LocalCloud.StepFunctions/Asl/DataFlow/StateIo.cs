using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.States;

namespace LocalCloud.StepFunctions.Asl.DataFlow;

/// <summary>What the value a state hands to <see cref="StateIo.Finish"/> is.</summary>
public enum ResultKind
{
    /// <summary>No work result (Pass, Wait, Choice, Succeed): the value is the state's effective input.</summary>
    None,

    /// <summary>A Task's, Parallel's or Map's result ($states.result).</summary>
    Result,

    /// <summary>A Catch's error output ($states.errorOutput).</summary>
    ErrorOutput,
}

/// <summary>A state's output and the variables it assigns; both land when the state exits.</summary>
public sealed record StateExit(JsonNode? Output, IReadOnlyDictionary<string, JsonNode?>? Assigned = null);

/// <summary>
/// How one state moves data around its work, in its query language: JSONPath (InputPath → Parameters → work →
/// ResultSelector → Assign → ResultPath → OutputPath) or JSONata (Arguments → work → Assign and Output)
/// (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-input-output-filtering.html). Each state holds its
/// own, so a JSONPath machine can hold JSONata states. Every step throws <see cref="StatesFailureException"/> with the
/// States.* error AWS uses.
/// </summary>
public abstract record StateIo
{
    public abstract QueryLanguage Language { get; }

    /// <summary>The input the state works on: InputPath applied, or (JSONata) the raw input.</summary>
    public abstract JsonNode? SelectInput(IStateScope scope, JsonNode? raw);

    /// <summary>What the work is given: Parameters or Arguments, else the input itself.</summary>
    public abstract JsonNode? Arguments(IStateScope scope, JsonNode? raw, JsonNode? input);

    /// <summary>The output and the assigned variables, from the raw input and the work's <paramref name="value"/>.</summary>
    public abstract StateExit Finish(IStateScope scope, JsonNode? raw, JsonNode? value, ResultKind kind);
}
