using LocalCloud.Core;
using LocalCloud.DynamoDb.Expressions;

namespace LocalCloud.DynamoDb.Tests.Expressions;

public class ExpressionParserTests
{
    [Theory]
    [InlineData("a = :v", "Compare(=)")]
    [InlineData("attribute_not_exists(id)", "Function(attribute_not_exists)")]
    [InlineData("NOT attribute_exists(#n) AND (a < :v OR b >= :w)", "And(Not(Function(attribute_exists)), Or(Compare(<), Compare(>=)))")]
    [InlineData("a BETWEEN :lo AND :hi AND b IN (:x, :y, :z)", "And(Between, In(3))")]
    [InlineData("begins_with(a.b[2].c, :p) or contains(#l, :v)", "Or(Function(begins_with), Function(contains))")]
    [InlineData("size(a) > :n", "Compare(>)")]
    [InlineData("attribute_type(a, :t)", "Function(attribute_type)")]
    [InlineData("a <> :v and not b <= :w", "And(Compare(<>), Not(Compare(<=)))")]
    public void ParseCondition_ValidInput_BuildsTheTreeItSays(string text, string shape)
    {
        var condition = ExpressionParser.ParseCondition(text, ExpressionKind.ConditionExpression);

        Assert.Equal(shape, Shape(condition));
    }

    [Fact]
    public void Parse_SameTextAgain_ReusesTheParsedTree()
    {
        var first = ExpressionParser.ParseUpdate("SET cacheProbe = :v, b = b + :one");
        var second = ExpressionParser.ParseUpdate("SET cacheProbe = :v, b = b + :one");
        var condition = ExpressionParser.ParseCondition("cacheProbe = :v", ExpressionKind.ConditionExpression);
        var filter = ExpressionParser.ParseCondition("cacheProbe = :v", ExpressionKind.FilterExpression);

        Assert.Same(first, second);
        Assert.Same(condition, ExpressionParser.ParseCondition("cacheProbe = :v", ExpressionKind.ConditionExpression));
        // Kept apart by kind: the same text in another parameter is its own entry.
        Assert.NotSame(condition, filter);
    }

    [Fact]
    public void Parse_SyntaxErrorAgain_FailsAgainWithTheSameMessage()
    {
        var first = Assert.Throws<AwsServiceException>(() => ExpressionParser.ParseCondition("cacheProbe =", ExpressionKind.ConditionExpression));
        var second = Assert.Throws<AwsServiceException>(() => ExpressionParser.ParseCondition("cacheProbe =", ExpressionKind.ConditionExpression));

        Assert.Equal(first.Message, second.Message);
    }

    [Fact]
    public void Parse_EverNewTexts_KeepsTheCacheBounded()
    {
        for (var i = 0; i < 3 * ExpressionParser.MaxCached; i++)
        {
            ExpressionParser.ParseCondition($"boundProbe{i} = :v", ExpressionKind.ConditionExpression);
        }

        // Other tests parse at the same time, so a few entries may land between the size check and the clear.
        Assert.InRange(ExpressionParser.CachedCount, 1, ExpressionParser.MaxCached + 64);
    }

    [Fact]
    public void ParseCondition_Precedence_NotBindsTighterThanAndThanOr()
    {
        var condition = ExpressionParser.ParseCondition("a = :a OR NOT b = :b AND c = :c", ExpressionKind.ConditionExpression);

        var or = Assert.IsType<Condition.Or>(condition);
        Assert.IsType<Condition.Compare>(or.Left);
        var and = Assert.IsType<Condition.And>(or.Right);
        Assert.IsType<Condition.Not>(and.Left);
    }

    [Fact]
    public void ParseCondition_NestedPath_KeepsNamesAndIndexes()
    {
        var condition = ExpressionParser.ParseCondition("a.#b[3][0].c = :v", ExpressionKind.ConditionExpression);

        var compare = Assert.IsType<Condition.Compare>(condition);
        var path = Assert.IsType<Operand.PathRef>(compare.Left).Path;
        Assert.Equal("a.#b[3][0].c", path.ToString());
        Assert.Equal(5, path.Elements.Count);
    }

    [Theory]
    [InlineData("a =", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"")]
    [InlineData("a = :v :w", "Invalid ConditionExpression: Syntax error; token: \":w\", near: \":v :w\"")]
    [InlineData("a", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"a\"")]
    [InlineData("attribute_exists(a) AND", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"")]
    [InlineData("(a = :v", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \":v\"")]
    [InlineData("a = = :v", "Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= =\"")]
    [InlineData("", "Invalid ConditionExpression: The expression can not be empty;")]
    public void ParseCondition_Malformed_ThrowsAwsSyntaxError(string text, string message)
    {
        var e = Assert.Throws<AwsServiceException>(() => ExpressionParser.ParseCondition(text, ExpressionKind.ConditionExpression));

        Assert.Equal("ValidationException", e.ErrorCode);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void ParseUpdate_AllClauses_Parses()
    {
        var clauses = ExpressionParser.ParseUpdate("SET a = :a, b = b + :one, c = if_not_exists(c, :z), d = list_append(d, :l) REMOVE e, f[1] ADD n :one DELETE s :s");

        Assert.Equal(["SET", "REMOVE", "ADD", "DELETE"], clauses.Select(c => c.Keyword));
        Assert.IsType<Operand.Arithmetic>(Assert.IsType<UpdateAction.Set>(clauses[0].Actions[1]).Value);
    }

    [Theory]
    [InlineData("SET a = VALUE 1", "Invalid UpdateExpression: Syntax error; token: \"1\", near: \"VALUE 1\"")]
    [InlineData("SET a :v", "Invalid UpdateExpression: Syntax error; token: \":v\", near: \"a :v\"")]
    [InlineData("ADD a b", "Invalid UpdateExpression: Syntax error; token: \"b\", near: \"a b\"")]
    [InlineData("UPSERT a = :v", "Invalid UpdateExpression: Syntax error; token: \"UPSERT\", near: \"UPSERT\"")]
    public void ParseUpdate_Malformed_ThrowsAwsSyntaxError(string text, string message)
    {
        var e = Assert.Throws<AwsServiceException>(() => ExpressionParser.ParseUpdate(text));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void ParseProjection_PathsWithIndexes_Parses()
    {
        var paths = ExpressionParser.ParseProjection("a, b.c, #d[0]");

        Assert.Equal(["a", "b.c", "#d[0]"], paths.Select(p => p.ToString()));
    }

    // The tree's node kinds and operators, so a parse into the wrong structure fails, not just a parse into nothing.
    private static string Shape(Condition condition) => condition switch
    {
        Condition.Compare c => $"Compare({c.Operator})",
        Condition.Between => "Between",
        Condition.In i => $"In({i.Candidates.Count})",
        Condition.And a => $"And({Shape(a.Left)}, {Shape(a.Right)})",
        Condition.Or o => $"Or({Shape(o.Left)}, {Shape(o.Right)})",
        Condition.Not n => $"Not({Shape(n.Inner)})",
        Condition.Function f => $"Function({f.Call.Function})",
        _ => condition.GetType().Name,
    };
}
