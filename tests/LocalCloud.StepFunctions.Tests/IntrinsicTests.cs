using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Asl.Intrinsics;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>The intrinsic parser and every function, on AWS's documented examples where there is one.</summary>
public sealed class IntrinsicTests
{
    private const string Input = """
        {"name":"Ana","n":3,"list":[1,2,2,3,"a","a",{"k":1},{"k":1}],"obj":{"a":1,"b":{"x":1}},"obj2":{"b":{"y":2},"c":3},
         "text":"This.is+a,test=string","json":"{\"k\":[1,2]}","b64":"RGF0YSB0byBlbmNvZGU=","arn":"arn:aws:imagebuilder:us-east-1:1:image-recipe/my.recipe/1.0.0"}
        """;

    private static JsonNode? Run(string expression)
    {
        var input = JsonNode.Parse(Input);
        var context = new JsonObject { ["Execution"] = new JsonObject { ["Name"] = "exec-1" } };
        Assert.True(IntrinsicParser.TryParse(expression, out var call, out var error), error);
        var scope = new DetachedScope(context);
        return IntrinsicEvaluator.Evaluate(call!, (string p, out JsonNode? v) => Asl.DataFlow.JsonPathReader.TryRead(p, input, scope, out v));
    }

    [Theory]
    [InlineData("States.Format('Hello, my name is {}.', $.name)", "\"Hello, my name is Ana.\"")]
    [InlineData("States.Format('{} {} {} {}', 1, 2.5, true, null)", "\"1 2.5 true null\"")]
    [InlineData(@"States.Format('braces \{\} and quote \' and slash \\ for {}', $$.Execution.Name)", @"""braces {} and quote ' and slash \\ for exec-1""")]
    [InlineData("States.StringToJson($.json)", """{"k":[1,2]}""")]
    [InlineData("States.JsonToString($.obj)", "\"{\\\"a\\\":1,\\\"b\\\":{\\\"x\\\":1}}\"")]
    [InlineData("States.Array('a', 1, $.n, States.Array())", """["a",1,3,[]]""")]
    [InlineData("States.ArrayPartition(States.ArrayRange(1, 5, 1), 2)", "[[1,2],[3,4],[5]]")]
    [InlineData("States.ArrayContains($.list, 'a')", "true")]
    [InlineData("States.ArrayContains($.list, 9)", "false")]
    [InlineData("States.ArrayRange(1, 9, 2)", "[1,3,5,7,9]")]
    [InlineData("States.ArrayRange(10, 0, -5)", "[10,5,0]")]
    [InlineData("States.ArrayRange(5, 1, 1)", "[]")]
    [InlineData("States.ArrayGetItem($.list, 1)", "2")]
    [InlineData("States.ArrayLength($.list)", "8")]
    [InlineData("States.ArrayUnique($.list)", """[1,2,3,"a",{"k":1}]""")]
    [InlineData("States.Base64Encode('Data to encode')", "\"RGF0YSB0byBlbmNvZGU=\"")]
    [InlineData("States.Base64Decode($.b64)", "\"Data to encode\"")]
    [InlineData("States.Hash('input data', 'SHA-1')", "\"aaff4a450a104cd177d28d18d74485e8cae074b7\"")]
    [InlineData("States.Hash('abc', 'MD5')", "\"900150983cd24fb0d6963f7d28e17f72\"")]
    [InlineData("States.Hash('abc', 'SHA-256')", "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"")]
    [InlineData("States.JsonMerge($.obj, $.obj2, false)", """{"a":1,"b":{"y":2},"c":3}""")]
    [InlineData("States.MathAdd($.n, -4)", "-1")]
    [InlineData("States.StringSplit($.text, '.+,=')", """["This","is","a","test","string"]""")]
    [InlineData("States.StringSplit('1,2,,3', ',')", """["1","2","3"]""")]
    [InlineData("States.Format('{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.arn, '/'), 2), '.'), 1))", "\"1.0\"")]
    public void Evaluate_DocumentedBehaviour_ReturnsValue(string expression, string expected)
    {
        var actual = Run(expression);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"got {actual?.ToJsonString() ?? "null"}");
    }

    [Fact]
    public void Evaluate_JsonToString_KeepsQuotesUnescaped()
        => Assert.Equal("""["it's <ok>"]""", Run(@"States.JsonToString(States.Array('it\'s <ok>'))")!.GetValue<string>());

    [Fact]
    public void Evaluate_MathRandomAndUuid_InRangeAndWellFormed()
    {
        var seeded = Run("States.MathRandom(1, 999, 7)")!.GetValue<long>();
        Assert.InRange(seeded, 1, 998);
        Assert.Equal(seeded, Run("States.MathRandom(1, 999, 7)")!.GetValue<long>());
        Assert.Equal(5, Run("States.MathRandom(5, 6)")!.GetValue<long>());
        var uuid = Run("States.UUID()")!.GetValue<string>();
        Assert.True(Guid.TryParse(uuid, out var parsed));
        Assert.Equal(4, parsed.Version);
    }

    [Theory]
    [InlineData("States.Format('{} {}', 1)")]
    [InlineData("States.Format('{}', 1, 2)")]
    [InlineData("States.Format('{}', $.obj)")]
    [InlineData("States.StringToJson('{bad')")]
    [InlineData("States.ArrayPartition($.list, 0)")]
    [InlineData("States.ArrayRange(1, 2000, 1)")]
    [InlineData("States.ArrayRange(1, 5, 0)")]
    [InlineData("States.ArrayRange(1, 5.5, 1)")]
    [InlineData("States.ArrayGetItem($.list, 8)")]
    [InlineData("States.ArrayLength($.obj)")]
    [InlineData("States.Base64Decode('***')")]
    [InlineData("States.Hash('x', 'SHA-2')")]
    [InlineData("States.JsonMerge($.obj, $.obj2, true)")]
    [InlineData("States.JsonMerge($.obj, $.list, false)")]
    [InlineData("States.MathRandom(5, 5)")]
    [InlineData("States.MathAdd(1.5, 1)")]
    [InlineData("States.StringSplit($.n, ',')")]
    public void Evaluate_BadArguments_IntrinsicFailure(string expression)
        => Assert.Equal(StatesErrors.IntrinsicFailure, Assert.Throws<StatesFailureException>(() => Run(expression)).Failure.Error);

    [Fact]
    public void Evaluate_TooLongInput_IntrinsicFailure()
        => Assert.Equal(StatesErrors.IntrinsicFailure,
            Assert.Throws<StatesFailureException>(() => Run($"States.Base64Encode('{new string('a', 10_001)}')")).Failure.Error);

    [Theory]
    [InlineData("States.Nope(1)")]
    [InlineData("States.Format(")]
    [InlineData("States.Format('x'")]
    [InlineData("States.Format('unterminated)")]
    [InlineData("States.ArrayLength()")]
    [InlineData("States.UUID(1)")]
    [InlineData("States.Array(1 2)")]
    [InlineData("States.Array(x)")]
    [InlineData("States.Array($..)")]
    [InlineData("States.Array(1) trailing")]
    [InlineData("States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array()))))))))))")]
    public void TryParse_BadSyntax_Refused(string expression)
        => Assert.False(IntrinsicParser.TryParse(expression, out _, out _));

    [Fact]
    public void TryParse_TenNested_Accepted()
        => Assert.True(IntrinsicParser.TryParse("States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array())))))))))", out _, out var error), error);

    [Fact]
    public async Task CreateStateMachine_BadIntrinsic_InvalidDefinition()
    {
        await using var sfn = new SfnHarness();
        var definition = """{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"x.$":"States.Format('{}'"},"End":true}}}""";
        var (code, message) = await sfn.ErrorAsync("CreateStateMachine", new { name = "m", definition, roleArn = SfnHarness.Role });
        Assert.Equal("InvalidDefinition", code);
        Assert.Contains("/States/P/Parameters/x.$", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execution_PathArgumentMissing_FailsWithRuntime()
    {
        await using var sfn = new SfnHarness();
        var arn = await sfn.CreateAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"x.$":"States.Array($.missing)"},"End":true}}}""");
        var done = await sfn.RunToEndAsync(await sfn.StartAsync(arn), TimeSpan.FromSeconds(1));
        Assert.Equal("FAILED", done.Status);
        Assert.Equal(StatesErrors.Runtime, done.Error);
    }
}
