using System.Text.Json.Nodes;

namespace Jsonata;

/// <summary>
/// Conversions between System.Text.Json and the engine's value model, for callers that bind the same value to many
/// evaluations (converting once instead of on every <see cref="JsonataExpression.Evaluate(JsonNode?, EvaluationOptions?)"/>).
/// </summary>
public static class JsonataValues
{
    /// <summary>A JSON value in the engine's model; JSON null (C# null here) becomes <see cref="JNull"/>.</summary>
    public static object FromJson(JsonNode? node) => JsonText.FromNode(node)!;

    /// <summary>Back to JSON; both undefined (C# null) and <see cref="JNull"/> become C# null.</summary>
    public static JsonNode? ToJson(object? value) => JsonText.ToNode(value);

    /// <summary>JSON text of a model value, as the reference's <c>$string</c> writes it.</summary>
    public static string Stringify(object? value) => JsonText.Stringify(value, pretty: false);

    /// <summary>Parses JSON text into the model (used by functions such as Step Functions' <c>$parse</c>).</summary>
    public static object? Parse(string json) => JsonText.Parse(json);
}
