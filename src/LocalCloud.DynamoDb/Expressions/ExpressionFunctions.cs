namespace LocalCloud.DynamoDb.Expressions;

/// <summary>
/// The functions DynamoDB knows, where each may appear and how many operands it takes
/// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html#Expressions.OperatorsAndFunctions.Functions).
/// Names are case-sensitive, as in DynamoDB.
/// </summary>
internal static class ExpressionFunctions
{
    public static readonly IReadOnlyDictionary<string, int> Conditions = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["attribute_exists"] = 1,
        ["attribute_not_exists"] = 1,
        ["attribute_type"] = 2,
        ["begins_with"] = 2,
        ["contains"] = 2,
    };

    public static readonly IReadOnlyDictionary<string, int> ConditionOperands = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["size"] = 1,
    };

    public static readonly IReadOnlyDictionary<string, int> UpdateOperands = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["if_not_exists"] = 2,
        ["list_append"] = 2,
    };

    /// <summary>Functions whose first operand must be a document path.</summary>
    public static readonly IReadOnlySet<string> PathFirst = new HashSet<string>(StringComparer.Ordinal)
    {
        "attribute_exists", "attribute_not_exists", "attribute_type", "size", "if_not_exists",
    };

    public static bool IsKnown(string name) => Conditions.ContainsKey(name) || ConditionOperands.ContainsKey(name) || UpdateOperands.ContainsKey(name);

    public static int Arity(string name)
        => Conditions.TryGetValue(name, out var n) || ConditionOperands.TryGetValue(name, out n) || UpdateOperands.TryGetValue(name, out n) ? n : 0;
}
