using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>
/// Each folder under Cases/ is one behaviour: definition.asl.json, input.json and expected.json side by side.
/// expected.json may also give "assigned": for a state, the assignedVariables its last …StateExited event lists, and
/// "evaluationFailed": the location of the EvaluationFailed event a failed expression writes.
/// </summary>
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
        if (expected["assigned"] is JsonObject assigned)
        {
            foreach (var (state, variables) in assigned)
            {
                var exited = result.History.Last(e => e.Type.EndsWith("StateExited", StringComparison.Ordinal) && e.Details?["name"]?.GetValue<string>() == state);
                Assert.True(JsonNode.DeepEquals(variables, exited.Details?["assignedVariables"]), $"{state} assigned {exited.Details?["assignedVariables"]?.ToJsonString() ?? "nothing"}");
                Assert.Equal(variables is null ? null : "{\"truncated\":false}", exited.Details?["assignedVariablesDetails"]?.ToJsonString());
            }
        }
        if (expected["evaluationFailed"] is JsonNode location)
        {
            var failed = result.History.Single(e => e.Type == "EvaluationFailed").Details!;
            Assert.Equal(location.GetValue<string>(), failed["location"]!.GetValue<string>());
            Assert.Equal(result.Error ?? failed["error"]!.GetValue<string>(), failed["error"]!.GetValue<string>());
        }
    }
}
