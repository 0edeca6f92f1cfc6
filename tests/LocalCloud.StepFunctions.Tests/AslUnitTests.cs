using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Asl.Choice;
using LocalCloud.StepFunctions.Asl.ErrorHandling;
using LocalCloud.StepFunctions.Asl.JsonPath;

namespace LocalCloud.StepFunctions.Tests;

public sealed class AslUnitTests
{
    [Theory]
    [InlineData("States.ALL", "Anything", true)]
    [InlineData("States.ALL", "States.Runtime", false)]
    [InlineData("States.TaskFailed", "Lambda.Unknown", true)]
    [InlineData("States.TaskFailed", "States.Timeout", false)]
    [InlineData("States.TaskFailed", "States.HeartbeatTimeout", false)]
    [InlineData("States.Timeout", "States.HeartbeatTimeout", true)]
    [InlineData("JobFailed", "jobfailed", false)]
    public void ErrorMatcher_Matches_AsAwsDocuments(string errorEquals, string error, bool expected)
        => Assert.Equal(expected, ErrorMatcher.Matches([errorEquals], error));

    [Theory]
    [InlineData("$.a.b", """{"a":{"b":3}}""", "3")]
    [InlineData("$['a']['b']", """{"a":{"b":3}}""", "3")]
    [InlineData("$.list[1]", """{"list":[1,2,3]}""", "2")]
    [InlineData("$.list[*].x", """{"list":[{"x":1},{"x":2}]}""", "[1,2]")]
    [InlineData("$..x", """{"a":{"x":1},"b":[{"x":2}]}""", "[1,2]")]
    [InlineData("$", """{"k":null}""", """{"k":null}""")]
    public void JsonPath_Select_ReturnsValue(string path, string input, string expected)
    {
        Assert.True(JsonPathExpression.Parse(path).TrySelect(JsonNode.Parse(input), out var value));
        Assert.Equal(expected, value?.ToJsonString() ?? "null");
    }

    [Fact]
    public void JsonPath_Missing_NoMatch()
        => Assert.False(JsonPathExpression.Parse("$.a.missing").TrySelect(JsonNode.Parse("""{"a":{}}"""), out _));

    [Fact]
    public void ReferencePath_IntoString_ResultPathMatchFailure()
    {
        var path = ReferencePath.TryParse("$.a.b", out var parsed, out _) ? parsed! : throw new InvalidOperationException();
        var e = Assert.Throws<StatesFailureException>(() => path.Apply(JsonNode.Parse("""{"a":"text"}"""), JsonValue.Create(1)));
        Assert.Equal(StatesErrors.ResultPathMatchFailure, e.Failure.Error);
        Assert.Equal("""{"k":2,"a":{"b":1}}""", path.Apply(JsonNode.Parse("""{"k":2}"""), JsonValue.Create(1))!.ToJsonString());
    }

    [Theory]
    [InlineData("log-*.txt", "log-2024.txt", true)]
    [InlineData("log-*.txt", "log-2024.csv", false)]
    [InlineData(@"a\*b", "a*b", true)]
    [InlineData(@"a\*b", "axxb", false)]
    [InlineData(@"back\\slash", @"back\slash", true)]
    public void StringMatcher_Wildcards_AndEscapes(string pattern, string text, bool expected)
        => Assert.Equal(expected, StringMatcher.Compile(pattern).IsMatch(text));

    [Fact]
    public void Retrier_Backoff_CappedByMaxDelay()
    {
        var retrier = new Retrier(["X"], IntervalSeconds: 2, MaxAttempts: 5, BackoffRate: 3, MaxDelaySeconds: 10);
        Assert.Equal([2, 6, 10], Enumerable.Range(1, 3).Select(a => retrier.DelayFor(a, () => 1).TotalSeconds));
        Assert.Equal(1, new Retrier(["X"], FullJitter: true).DelayFor(1, () => 0.5).TotalSeconds * 2);
    }
}
