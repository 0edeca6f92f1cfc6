using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Asl.Intrinsics;

/// <summary>One argument (or the whole expression) of an intrinsic function call, as parsed.</summary>
public abstract record IntrinsicNode
{
    /// <summary>A literal: a string (its text between quotes kept raw too, for States.Format's escapes), number, boolean or null.</summary>
    public sealed record Literal(JsonNode? Value, string? RawString = null) : IntrinsicNode;

    /// <summary>A JSONPath ("$…") or context path ("$$…") read from the state's input or the context object.</summary>
    public sealed record Path(string Text) : IntrinsicNode;

    public sealed record FunctionCall(string Name, IReadOnlyList<IntrinsicNode> Arguments) : IntrinsicNode;
}
