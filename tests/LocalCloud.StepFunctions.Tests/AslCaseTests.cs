using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>Each folder under Cases/ is one behaviour: definition.asl.json, input.json and expected.json side by side.</summary>
public sealed class AslCaseTests
{
    private static readonly string CasesRoot = Path.Combine(AppContext.BaseDirectory, "Cases");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(CasesRoot).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_RunsAsExpected(string name)
    {
        var dir = Path.Combine(CasesRoot, name);
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "expected.json"), TestContext.Current.CancellationToken))!.AsObject();
        await using var sfn = new SfnHarness();
        if (expected["lambdaErrors"] is JsonObject errors)
        {
            foreach (var (function, errorType) in errors)
            {
                sfn.Lambda.FailsWith(function, errorType!.GetValue<string>(), "scripted failure");
            }
        }
        var arn = await sfn.CreateAsync(await File.ReadAllTextAsync(Path.Combine(dir, "definition.asl.json"), TestContext.Current.CancellationToken));
        var execution = await sfn.StartAsync(arn, await File.ReadAllTextAsync(Path.Combine(dir, "input.json"), TestContext.Current.CancellationToken));

        var result = await sfn.RunToEndAsync(execution, TimeSpan.FromMinutes(1));

        Assert.Equal(expected["status"]!.GetValue<string>(), result.Status);
        if (expected.ContainsKey("output"))
        {
            Assert.True(JsonNode.DeepEquals(expected["output"], JsonNode.Parse(result.Output!)), $"output was {result.Output}");
        }
        if (expected["error"] is JsonNode error)
        {
            Assert.Equal(error.GetValue<string>(), result.Error);
        }
        if (expected["cause"] is JsonNode cause)
        {
            Assert.Equal(cause.GetValue<string>(), result.Cause);
        }
        Assert.Equal(expected["events"]!.AsArray().Select(e => e!.GetValue<string>()), SfnHarness.Types(result));
    }
}
