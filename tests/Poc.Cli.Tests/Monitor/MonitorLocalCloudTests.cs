using Amazon.DynamoDBv2.Model;
using Aws.Clients.StepFunctions;
using LocalCloud.Testing;
using Poc.Cli.Deploy;
using Poc.Cli.Endpoints;
using Poc.Cli.Monitor;

namespace Poc.Cli.Tests.Monitor;

/// <summary>The collector against a real LocalCloud in this process: the wire shapes, not the fakes', decide.</summary>
public sealed class MonitorLocalCloudTests
{
    [Fact]
    public async Task CollectAsync_AgainstLocalCloud_SeesTheStateMachineExecutionAndTokenTable()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cloud = await LocalCloudFixture.StartAsync(LocalCloudFixture.DefaultOptions with { ScheduleTimeScale = 0.05 }, ct);
        using var env = PocEnvironment.ForLocalCloud(cloud.Endpoint, 0.05);
        await new TableDeployer(env.DynamoDb, TimeProvider.System).DeployTokensAsync(ct);
        var machine = await env.StepFunctions.CreateStateMachineAsync(
            new CreateStateMachineRequest
            {
                Name = PocResources.CallbackStateMachine,
                RoleArn = EndpointSettings.DefaultRoleArn,
                Definition = """{"StartAt":"Hold","States":{"Hold":{"Type":"Wait","Seconds":600,"End":true}}}""",
            },
            ct);
        var execution = await env.StepFunctions.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine.StateMachineArn, Name = "held" }, ct);
        await env.DynamoDb.PutItemAsync(
            new PutItemRequest
            {
                TableName = PocResources.TokensTable,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["executionArn"] = new() { S = execution.ExecutionArn },
                    ["jobId"] = new() { S = "job-1" },
                    ["taskToken"] = new() { S = "token-0123456789" },
                    ["status"] = new() { S = "PENDING" },
                    ["attempts"] = new() { N = "1" },
                    ["maxAttempts"] = new() { N = "5" },
                    ["deadline"] = new() { N = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    ["createdAt"] = new() { S = "2025-01-01T00:00:00Z" },
                },
            },
            ct);
        using var http = new HttpClient();
        var sources = MonitorSources.For(env, http);

        var snapshot = await new MonitorCollector(sources, TimeProvider.System).CollectAsync(ct);

        Assert.False(snapshot.NothingDeployed);
        var callback = snapshot.StateMachines.Single(m => m.Name == PocResources.CallbackStateMachine);
        var row = Assert.Single(callback.Executions);
        Assert.Equal(("held", "RUNNING", "Hold (WaitStateEntered)"), (row.Name, row.Status, row.CurrentState));
        Assert.Null(snapshot.StateMachines.Single(m => m.Name == PocResources.BaselineStateMachine).Arn);
        Assert.Equal(1, snapshot.Tokens.PendingCount);
        Assert.Equal("job-1", Assert.Single(snapshot.Tokens.Pending).Record.JobId);
        Assert.False(snapshot.Schedule.Exists);
        Assert.Equal(MonitorMessages.LambdaFromLocalCloud(0), snapshot.Lambda.Note);
    }
}
