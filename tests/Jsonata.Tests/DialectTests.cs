using Jsonata;

namespace Jsonata.Tests;

/// <summary>
/// The 2.0 dialect (what AWS Step Functions runs) refuses the operators 2.1.0 added, with the error jsonata 2.0.6
/// itself gives (recorded from jsonata@2.0.6: "a ?? b" and "a ?: b" are S0211, the second symbol "cannot be used as a
/// unary operator"); everything else parses as in the current language.
/// </summary>
public sealed class DialectTests
{
    [Theory]
    [InlineData("a ?? b", "?")]
    [InlineData("a ?: b", ":")]
    [InlineData("1 ?? 2", "?")]
    public void Version20_OperatorsOf21_S0211AsIn206(string expression, string symbol)
    {
        var e = Assert.Throws<JsonataException>(() => JsonataExpression.Compile(expression, JsonataDialect.Version20));

        Assert.Equal("S0211", e.Code);
        Assert.Contains($"\"{symbol}\"", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a ?? b", """{"b":2}""", "2")]
    [InlineData("a ?: b", """{"a":0,"b":2}""", "2")]
    public void Current_OperatorsOf21_Evaluate(string expression, string input, string expected)
        => Assert.Equal(expected, JsonataExpression.Compile(expression).Evaluate(System.Text.Json.Nodes.JsonNode.Parse(input))!.ToJsonString());

    [Theory]
    [InlineData("(a ? b : c)")]
    [InlineData("$x := 1")]
    [InlineData("'??' & \"?:\"")]
    public void Version20_EverythingElse_Parses(string expression) => Assert.NotNull(JsonataExpression.Compile(expression, JsonataDialect.Version20));
}
