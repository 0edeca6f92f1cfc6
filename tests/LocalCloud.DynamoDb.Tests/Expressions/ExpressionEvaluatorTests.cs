using System.Text.Json;
using LocalCloud.Core;
using LocalCloud.DynamoDb.Api.Operations;
using LocalCloud.DynamoDb.Api.Shapes;
using LocalCloud.DynamoDb.Expressions;
using LocalCloud.DynamoDb.Model;
using LocalCloud.DynamoDb.Persistence;
using LocalCloud.DynamoDb.Storage;

namespace LocalCloud.DynamoDb.Tests.Expressions;

public class ExpressionEvaluatorTests
{
    private static readonly KeyDefinition Key = new("id", AttributeType.S, null, null);

    private static Dictionary<string, AttributeValue> Json(string json)
        => JsonSerializer.Deserialize<Dictionary<string, AttributeValue>>(json)!;

    private static readonly Dictionary<string, AttributeValue> Item = Json("""
        {"id":{"S":"j1"},"status":{"S":"PENDING"},"attempts":{"N":"2"},"tags":{"SS":["a","b"]},
         "nested":{"M":{"vals":{"L":[{"N":"1"},{"S":"x"}]}}},"price":{"N":"10.50"}}
        """);

    private static bool Eval(string expression, string values, Dictionary<string, string>? names = null)
    {
        var scope = new ExpressionScope(names, values.Length == 0 ? null : Json(values));
        var condition = ExpressionParser.ParseCondition(expression, ExpressionKind.ConditionExpression);
        ExpressionValidator.Condition(condition, scope, ExpressionKind.ConditionExpression);
        scope.EnsureAllUsed();
        return new ExpressionEvaluator(scope, ExpressionKind.ConditionExpression).Matches(condition, Item);
    }

    [Theory]
    [InlineData("attempts = :v", """{":v":{"N":"2.000"}}""", true)]
    [InlineData("attempts < :v", """{":v":{"N":"10"}}""", true)]
    [InlineData("price > :v", """{":v":{"N":"10.499999999999999999999999999999999"}}""", true)]
    [InlineData("attempts = :v", """{":v":{"S":"2"}}""", false)]
    [InlineData("absent <> :v", """{":v":{"S":"x"}}""", true)]
    [InlineData("absent < :v", """{":v":{"N":"1"}}""", false)]
    [InlineData("attempts BETWEEN :a AND :b", """{":a":{"N":"1"},":b":{"N":"2"}}""", true)]
    [InlineData("#s IN (:a, :b)", """{":a":{"S":"DONE"},":b":{"S":"PENDING"}}""", true)]
    [InlineData("begins_with(#s, :p)", """{":p":{"S":"PEN"}}""", true)]
    [InlineData("contains(tags, :t)", """{":t":{"S":"b"}}""", true)]
    [InlineData("contains(nested.vals, :t)", """{":t":{"S":"x"}}""", true)]
    [InlineData("size(tags) = :n AND size(nested.vals) = :n", """{":n":{"N":"2"}}""", true)]
    [InlineData("attribute_type(attempts, :t)", """{":t":{"S":"N"}}""", true)]
    [InlineData("nested.vals[1] = :x", """{":x":{"S":"x"}}""", true)]
    [InlineData("NOT (attempts = :v OR #s = :s)", """{":v":{"N":"3"},":s":{"S":"DONE"}}""", true)]
    public void Matches_Conditions_FollowDynamoDbSemantics(string expression, string values, bool expected)
    {
        var names = expression.Contains("#s", StringComparison.Ordinal) ? new Dictionary<string, string> { ["#s"] = "status" } : null;

        Assert.Equal(expected, Eval(expression, values, names));
    }

    [Fact]
    public void Matches_AttributeExistence_TrueAndFalse()
    {
        Assert.True(Eval("attribute_exists(id) AND attribute_not_exists(nothere)", ""));
        Assert.False(Eval("attribute_not_exists(id)", ""));
    }

    [Theory]
    [InlineData("status = :v", """{":v":{"S":"x"}}""", "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status")]
    [InlineData("#n = :v", """{":v":{"S":"x"}}""", "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #n")]
    [InlineData("a = :w", """{":v":{"S":"x"}}""", "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :w")]
    [InlineData("a = :v", """{":v":{"S":"x"},":x":{"S":"y"}}""", "Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}")]
    [InlineData("foo(a)", "", "Invalid ConditionExpression: Invalid function name; function: foo")]
    [InlineData("size(a)", "", "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size")]
    [InlineData("attribute_exists(a, b)", "", "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2")]
    [InlineData("a BETWEEN :hi AND :lo", """{":hi":{"N":"5"},":lo":{"N":"1"}}""", "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower operand: AttributeValue: {N:5}, upper operand: AttributeValue: {N:1}")]
    public void Validate_BadExpressions_ThrowAwsMessages(string expression, string values, string message)
    {
        var e = Assert.Throws<AwsServiceException>(() => Eval(expression, values));

        Assert.Equal("ValidationException", e.ErrorCode);
        Assert.Equal(message, e.Message);
    }

    private static Dictionary<string, AttributeValue> Update(string expression, string values, Dictionary<string, AttributeValue>? item = null)
    {
        var scope = new ExpressionScope(null, values.Length == 0 ? null : Json(values));
        var clauses = ExpressionParser.ParseUpdate(expression);
        ExpressionValidator.Update(clauses, scope, Key);
        scope.EnsureAllUsed();
        return UpdateApplier.Apply(item ?? Item, clauses, new ExpressionEvaluator(scope, ExpressionKind.UpdateExpression));
    }

    [Fact]
    public void Apply_SetArithmeticAndFunctions_ComputesFromOldItem()
    {
        var result = Update("SET attempts = attempts + :one, initial = if_not_exists(initial, attempts), nested.vals = list_append(nested.vals, :l)",
            """{":one":{"N":"1"},":l":{"L":[{"BOOL":true}]}}""");

        Assert.Equal("3", result["attempts"].N.ToString());
        Assert.Equal("2", result["initial"].N.ToString());
        Assert.Equal(3, result["nested"].M["vals"].L.Count);
        Assert.Equal("2", Item["attempts"].N.ToString());
    }

    [Fact]
    public void Apply_RemoveListElements_UsesOriginalIndexes()
    {
        var item = Json("""{"id":{"S":"k"},"l":{"L":[{"N":"0"},{"N":"1"},{"N":"2"},{"N":"3"}]}}""");

        var result = Update("REMOVE l[0], l[2]", "", item);

        Assert.Equal(["1", "3"], result["l"].L.Select(v => v.N.ToString()));
    }

    [Fact]
    public void Apply_AddAndDeleteSets_UnionAndDifference()
    {
        var result = Update("ADD tags :add, hits :one DELETE gone :g", """{":add":{"SS":["b","c"]},":one":{"N":"5"},":g":{"SS":["z"]}}""");

        Assert.Equal(["a", "b", "c"], result["tags"].SS);
        Assert.Equal("5", result["hits"].N.ToString());
        Assert.False(result.ContainsKey("gone"));
        var emptied = Update("DELETE tags :all", """{":all":{"SS":["a","b"]}}""");
        Assert.False(emptied.ContainsKey("tags"));
    }

    [Theory]
    [InlineData("SET id = :v", """{":v":{"S":"x"}}""", "One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key")]
    [InlineData("SET a = :v REMOVE a", """{":v":{"S":"x"}}""", "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]")]
    [InlineData("SET a = :v SET b = :v", """{":v":{"S":"x"}}""", "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;")]
    [InlineData("SET a = size(b)", "", "Invalid UpdateExpression: The function is not allowed in an update expression; function: size")]
    [InlineData("SET #s = :v", """{":v":{"S":"x"}}""", "Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #s")]
    [InlineData("SET a = absent + :v", """{":v":{"N":"1"}}""", "Invalid UpdateExpression: The provided expression refers to an attribute that does not exist in the item")]
    [InlineData("SET a = #s + :v", """{":v":{"N":"1"}}""", "Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #s")]
    [InlineData("SET nope.deeper = :v", """{":v":{"N":"1"}}""", "Invalid UpdateExpression: The document path provided in the update expression is invalid for update")]
    [InlineData("ADD tags :n", """{":n":{"N":"1"}}""", "Invalid UpdateExpression: An operand in the update expression has an incorrect data type")]
    public void Apply_InvalidUpdates_ThrowAwsMessages(string expression, string values, string message)
    {
        var e = Assert.Throws<AwsServiceException>(() => Update(expression, values));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Project_NestedPathsAndIndexes_KeepsStructure()
    {
        var scope = ExpressionScope.Empty;
        var paths = ExpressionParser.ParseProjection("id, nested.vals[1], tags")
            .Select(p => ExpressionValidator.Steps(p, scope, ExpressionKind.ProjectionExpression));

        var result = Projector.Project(Item, paths);

        Assert.Equal(["id", "nested", "tags"], result.Keys.Order());
        Assert.Equal("x", Assert.Single(result["nested"].M["vals"].L).S);
    }
}
