using LocalCloud.StepFunctions.Asl.JsonPath;

namespace LocalCloud.StepFunctions.Asl.DataFlow;

/// <summary>
/// An InputPath/OutputPath field: absent means "$", JSON null means "{}" (AWS: a null InputPath or
/// OutputPath passes an empty object), otherwise a path.
/// </summary>
public sealed record PathSpec(JsonPathExpression? Path)
{
    public static PathSpec Root { get; } = new(JsonPathExpression.Parse("$"));

    public static PathSpec Null { get; } = new((JsonPathExpression?)null);
}
