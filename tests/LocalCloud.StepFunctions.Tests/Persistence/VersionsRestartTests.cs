using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests.Persistence;

/// <summary>Versions, aliases, the version counter and executions' qualifiers across a restart over the same store.</summary>
public sealed class VersionsRestartTests
{
    private const string Machine = "arn:aws:states:us-east-1:000000000000:stateMachine:sm";
    private const string Waiting = """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"Next":"P"},"P":{"Type":"Pass","Result":"v1","End":true}}}""";

    [Fact]
    public async Task Restart_KeepsVersionsAliasesCounterAndTheVersionARunningExecutionRuns()
    {
        var before = new SfnHarness(new InMemoryDurableStore());
        await before.OkAsync("CreateStateMachine", new { name = "sm", definition = Waiting, roleArn = SfnHarness.Role, publish = true });
        await before.OkAsync("UpdateStateMachine", new { stateMachineArn = Machine, definition = """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"v2","End":true}}}""", publish = true });
        await before.OkAsync("CreateStateMachineAlias", new { name = "a", routingConfiguration = new[] { new { stateMachineVersionArn = Machine + ":1", weight = 100 } } });
        await before.OkAsync("DeleteStateMachineVersion", new { stateMachineVersionArn = Machine + ":2" });
        await before.OkAsync("UpdateStateMachine", new { stateMachineArn = Machine, definition = """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"latest","End":true}}}""" });
        var execution = await before.StartAsync(Machine + ":a", name: "through-alias");
        await before.IdleAsync(execution);
        var aliasBefore = (await before.OkAsync("DescribeStateMachineAlias", new { stateMachineAliasArn = Machine + ":a" })).ToJsonString();

        await using var after = before.Restart(TimeSpan.FromSeconds(1));

        Assert.Equal(aliasBefore, (await after.OkAsync("DescribeStateMachineAlias", new { stateMachineAliasArn = Machine + ":a" })).ToJsonString());
        Assert.Single((await after.OkAsync("ListStateMachineVersions", new { stateMachineArn = Machine }))["stateMachineVersions"]!.AsArray());
        var finished = await after.RunToEndAsync(execution, TimeSpan.FromSeconds(10));
        Assert.Equal("\"v1\"", finished.Output);
        var described = await after.OkAsync("DescribeExecution", new { executionArn = execution });
        Assert.Equal(Machine + ":1", described["stateMachineVersionArn"]!.GetValue<string>());
        Assert.Equal(Machine + ":a", described["stateMachineAliasArn"]!.GetValue<string>());
        Assert.Equal(Machine + ":3", (await after.OkAsync("PublishStateMachineVersion", new { stateMachineArn = Machine }))["stateMachineVersionArn"]!.GetValue<string>());
    }
}
