using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.JsonPath;

namespace LocalCloud.StepFunctions.Asl.DataFlow;

/// <summary>
/// The data-flow fields a state may carry. ResultPath null (the property <see cref="DiscardResult"/>)
/// keeps the input and drops the result, as ASL's "ResultPath": null does.
/// </summary>
public sealed record StateDataFields(
    PathSpec InputPath,
    PathSpec OutputPath,
    JsonNode? Parameters = null,
    JsonNode? ResultSelector = null,
    ReferencePath? ResultPath = null,
    bool DiscardResult = false)
{
    public static StateDataFields Default { get; } = new(PathSpec.Root, PathSpec.Root);
}
