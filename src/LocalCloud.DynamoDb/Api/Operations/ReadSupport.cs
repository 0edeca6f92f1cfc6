using LocalCloud.DynamoDb.Api.Shapes;
using LocalCloud.DynamoDb.Expressions;
using LocalCloud.DynamoDb.Model;
using LocalCloud.DynamoDb.Persistence;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>Projection handling shared by GetItem, Query and Scan.</summary>
internal static class ReadSupport
{
    /// <summary>The resolved projection paths, or null for "all attributes". Validates placeholders are all used.</summary>
    public static IReadOnlyList<IReadOnlyList<PathStep>>? Projection(string? expression, List<string>? attributesToGet, Dictionary<string, string>? names)
    {
        if (expression is not null && attributesToGet is not null)
        {
            throw Core.AwsServiceException.Validation("Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
        }
        if (attributesToGet is not null)
        {
            return attributesToGet.Select(a => (IReadOnlyList<PathStep>)[new PathStep(a, 0)]).ToList();
        }
        WriteSupport.RequireExpressionsForPlaceholders(expression is not null, names, null);
        if (expression is null)
        {
            return null;
        }
        var scope = new ExpressionScope(names, null);
        var paths = ExpressionParser.ParseProjection(expression).Select(p => ExpressionValidator.Steps(p, scope, ExpressionKind.ProjectionExpression)).ToList();
        scope.EnsureAllUsed();
        return paths;
    }

    public static Dictionary<string, AttributeValue> KeyOf(Item item, IEnumerable<string> names)
        => names.Where(item.ContainsKey).ToDictionary(n => n, n => item[n], StringComparer.Ordinal);
}
