using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Asl.Intrinsics;

/// <summary>Evaluates a parsed call: paths through <paramref name="read"/>, nested calls first, then the function.</summary>
public static class IntrinsicEvaluator
{
    public delegate bool PathReader(string path, out JsonNode? value);

    public static JsonNode? Evaluate(IntrinsicNode.FunctionCall call, PathReader read)
    {
        var args = new List<JsonNode?>(call.Arguments.Count);
        foreach (var argument in call.Arguments)
        {
            args.Add(argument switch
            {
                IntrinsicNode.Literal l => l.Value?.DeepClone(),
                IntrinsicNode.Path p => read(p.Text, out var value) ? value : throw new StatesFailureException(StatesErrors.Runtime,
                    $"The JsonPath argument for the field '{p.Text}' could not be found in the input (intrinsic function {call.Name})"),
                IntrinsicNode.FunctionCall c => Evaluate(c, read),
                _ => throw new InvalidOperationException(argument.ToString()),
            });
        }
        var template = call.Name == "States.Format" && call.Arguments.Count > 0 && call.Arguments[0] is IntrinsicNode.Literal { RawString: { } raw } ? raw : null;
        return IntrinsicFunctions.Invoke(call.Name, args, template);
    }
}
