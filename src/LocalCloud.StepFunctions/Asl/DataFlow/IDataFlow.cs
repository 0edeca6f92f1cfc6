using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Asl.DataFlow;

/// <summary>
/// The one seam through which states move data (InputPath → Parameters → result → ResultSelector →
/// ResultPath → OutputPath). JSONPath today; a JSONata implementation can sit behind it later.
/// Each step throws <see cref="StatesFailureException"/> with the States.* error AWS uses.
/// </summary>
public interface IDataFlow
{
    JsonNode? SelectInput(StateDataFields fields, JsonNode? rawInput);

    JsonNode? ApplyParameters(StateDataFields fields, JsonNode? input, JsonNode context);

    JsonNode? SelectResult(StateDataFields fields, JsonNode? result, JsonNode context);

    JsonNode? MergeResult(StateDataFields fields, JsonNode? rawInput, JsonNode? result);

    JsonNode? SelectOutput(StateDataFields fields, JsonNode? output);

    /// <summary>Reads a single value by a path that may start with "$$" (context object) or "$" (input).</summary>
    bool TryRead(string path, JsonNode? input, JsonNode context, out JsonNode? value);
}
