using LocalCloud.Core;
using LocalCloud.DynamoDb.Api.Shapes;
using LocalCloud.DynamoDb.Expressions;
using LocalCloud.DynamoDb.Storage;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>The parts Query and Scan parse alike: target index, Select, filter and projection.</summary>
internal static class ReadRequest
{
    public static IndexDefinition? Index(ITableStore table, string? indexName, bool? consistentRead)
    {
        if (indexName is null)
        {
            return null;
        }
        var index = table.Definition.Index(indexName) ?? throw AwsServiceException.Validation(DynamoDbErrors.IndexNotFound(indexName, table.Definition.Name));
        if (index.IsGlobal && consistentRead == true)
        {
            throw AwsServiceException.Validation(DynamoDbErrors.ConsistentReadOnGsi);
        }
        return index;
    }

    /// <summary>Checks Select against the projection and index; true when only a count is wanted.</summary>
    public static bool CountOnly(string? select, string? projectionExpression, IndexDefinition? index)
    {
        switch (select)
        {
            case null or "ALL_PROJECTED_ATTRIBUTES" or "SPECIFIC_ATTRIBUTES":
                if (select == "ALL_PROJECTED_ATTRIBUTES" && index is null)
                {
                    throw AwsServiceException.Validation("One or more parameter values were invalid: Select type ALL_PROJECTED_ATTRIBUTES is supported only for index queries; TableName");
                }
                return false;
            case "ALL_ATTRIBUTES":
                if (index is { ProjectionType: not "ALL" })
                {
                    throw AwsServiceException.Validation($"One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index {index.Name} because its projection type is not ALL");
                }
                if (projectionExpression is not null)
                {
                    throw AwsServiceException.Validation("One or more parameter values were invalid: Can not use ProjectionExpression when Select is ALL_ATTRIBUTES");
                }
                return false;
            case "COUNT":
                if (projectionExpression is not null)
                {
                    throw AwsServiceException.Validation("One or more parameter values were invalid: Can not use ProjectionExpression when Select is COUNT");
                }
                return true;
            default:
                throw AwsServiceException.Validation($"1 validation error detected: Value '{select}' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
        }
    }

    public static Condition? Filter(string? expression, ExpressionScope scope)
    {
        if (expression is null)
        {
            return null;
        }
        var filter = ExpressionParser.ParseCondition(expression, ExpressionKind.FilterExpression);
        ExpressionValidator.Condition(filter, scope, ExpressionKind.FilterExpression);
        return filter;
    }

    public static IReadOnlyList<IReadOnlyList<PathStep>>? Projection(string? expression, List<string>? attributesToGet, ExpressionScope scope)
    {
        if (attributesToGet is not null)
        {
            return attributesToGet.Select(a => (IReadOnlyList<PathStep>)[new PathStep(a, 0)]).ToList();
        }
        return expression is null
            ? null
            : ExpressionParser.ParseProjection(expression).Select(p => ExpressionValidator.Steps(p, scope, ExpressionKind.ProjectionExpression)).ToList();
    }

    public static void RejectLegacy(object? parameter, string name) => WriteSupport.RejectLegacy(parameter, name);
}
