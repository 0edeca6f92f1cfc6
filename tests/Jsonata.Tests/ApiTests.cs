using System.Text.Json.Nodes;

namespace Jsonata.Tests;

public sealed class ApiTests
{
    [Fact]
    public void Evaluate_OverJsonNode_ReturnsJsonNode()
    {
        var expr = JsonataExpression.Compile("$sum(orders.(price * qty))");
        var input = JsonNode.Parse("""{"orders":[{"price":2.5,"qty":2},{"price":1,"qty":3}]}""");
        Assert.Equal(8, expr.Evaluate(input)!.GetValue<long>());
    }

    [Fact]
    public void CompiledExpression_IsReusableAcrossThreads()
    {
        var expr = JsonataExpression.Compile("$string(n * 2)");
        var results = Enumerable.Range(0, 64).AsParallel()
            .Select(i => expr.Evaluate(JsonNode.Parse($$"""{"n":{{i}}}"""))!.GetValue<string>())
            .ToList();
        Assert.Equal(Enumerable.Range(0, 64).Select(i => (i * 2).ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), results.Order());
    }

    [Fact]
    public void WithFunction_BindsACSharpFunctionWithASignature()
    {
        var expr = JsonataExpression.Compile("$shout(name)")
            .WithFunction("shout", "<s-:s>", (_, args) => ((string)args[0]!).ToUpperInvariant() + "!");
        Assert.Equal("ADA!", expr.Evaluate(JsonNode.Parse("""{"name":"ada"}"""))!.GetValue<string>());

        var error = Assert.Throws<JsonataException>(() => expr.Evaluate(JsonNode.Parse("""{"name":5}""")));
        Assert.Equal("T0410", error.Code);
    }

    [Fact]
    public void Bindings_AreVariables()
    {
        var expr = JsonataExpression.Compile("$states.input.x + 1");
        var options = new EvaluationOptions { Bindings = new Dictionary<string, object?> { ["states"] = JsonNode.Parse("""{"input":{"x":41}}""") } };
        Assert.Equal(42, expr.Evaluate(null, options)!.GetValue<long>());
    }

    [Fact]
    public void DeepRecursion_WithoutLimits_EndsInACodedError()
    {
        var expr = JsonataExpression.Compile("($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(1000000))");
        var error = Assert.Throws<JsonataException>(() => expr.EvaluateValue(null));
        Assert.Equal("D1011", error.Code);
    }

    [Fact]
    public void InfiniteLoop_EndsAtTheTimeLimit()
    {
        var expr = JsonataExpression.Compile("($f := function(){ $f() }; $f())");
        var error = Assert.Throws<JsonataException>(() => expr.EvaluateValue(null, new EvaluationOptions { Timeout = TimeSpan.FromMilliseconds(200) }));
        Assert.Equal("D1012", error.Code);
    }

    [Theory]
    [InlineData("1e21", "1e+21")]
    [InlineData("0.1 + 0.2", "0.30000000000000004")]
    [InlineData("123456789012345678", "123456789012345680")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("0.0000001", "1e-7")]
    [InlineData("-1.5e-10", "-1.5e-10")]
    public void NumbersPrint_AsJavaScriptDoes(string expression, string expected)
    {
        Assert.Equal(expected, JsonText.NumberToString((double)JsonataExpression.Compile(expression).EvaluateValue(null)!));
    }

    [Fact]
    public void SyntaxError_CarriesCodePositionAndToken()
    {
        var error = Assert.Throws<JsonataException>(() => JsonataExpression.Compile("[1, 2)"));
        Assert.Equal(("S0202", ")"), (error.Code, error.Token));
    }
}
