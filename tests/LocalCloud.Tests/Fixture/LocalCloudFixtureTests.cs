using Amazon.DynamoDBv2.Model;
using Aws.Clients.Scheduler;
using Aws.Clients.StepFunctions;
using LocalCloud.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LocalCloud.Tests.Fixture;

/// <summary>LocalCloudFixture as a test suite outside this repository would use it: only its public surface.</summary>
public sealed class LocalCloudFixtureTests
{
    [Fact]
    public async Task StartAsync_TwoAtOnce_EachOnItsOwnFreePortAndAnswering()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = await LocalCloudFixture.StartAsync(cancellationToken: ct);
        await using var second = await LocalCloudFixture.StartAsync(cancellationToken: ct);

        Assert.NotEqual(first.Endpoint.Port, second.Endpoint.Port);
        using var http = new HttpClient();
        foreach (var cloud in new[] { first, second })
        {
            var health = await http.GetStringAsync(new Uri(cloud.Endpoint, "_localcloud/health"), ct);
            Assert.Contains("\"states\":\"running\"", health, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CreateDynamoDbClient_CreatesWritesAndReadsATable()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cloud = await LocalCloudFixture.StartAsync(cancellationToken: ct);
        using var dynamo = cloud.CreateDynamoDbClient();

        await dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = "things",
            KeySchema = [new KeySchemaElement("id", Amazon.DynamoDBv2.KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("id", Amazon.DynamoDBv2.ScalarAttributeType.S)],
            BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
        }, ct);
        await dynamo.PutItemAsync("things", new Dictionary<string, AttributeValue> { ["id"] = new() { S = "a" }, ["n"] = new() { N = "7" } }, ct);
        var item = await dynamo.GetItemAsync("things", new Dictionary<string, AttributeValue> { ["id"] = new() { S = "a" } }, ct);

        Assert.Equal("7", item.Item["n"].N);
    }

    [Fact]
    public async Task FakeTime_ScheduleFiresAsTheClockIsAdvanced_NotBefore()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var cloud = await LocalCloudFixture.StartAsync(LocalCloudFixture.DefaultOptions with { Time = time }, ct);
        var scheduler = new SchedulerClient(cloud.ClientConfig());
        await scheduler.CreateScheduleAsync(new CreateScheduleRequest
        {
            Name = "every-minute",
            ScheduleExpression = "rate(1 minute)",
            FlexibleTimeWindow = new FlexibleTimeWindow { Mode = "OFF" },
            Target = new Target { Arn = $"arn:aws:lambda:{cloud.Region}:{cloud.AccountId}:function:absent", RoleArn = LocalCloudFixture.RoleArn },
        }, ct);

        // A rate schedule without a start date fires at creation, then once per period (LocalCloud.Scheduler.Tests' FiringTests).
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, cloud.Server.Usage.Total("scheduler", "Invocations"));
        time.Advance(TimeSpan.FromSeconds(58));
        Assert.Equal(1, cloud.Server.Usage.Total("scheduler", "Invocations"));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, cloud.Server.Usage.Total("scheduler", "Invocations"));
    }

    [Fact]
    public async Task FakeTime_WaitStateEndsWhenTheClockIsAdvanced()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var cloud = await LocalCloudFixture.StartAsync(LocalCloudFixture.DefaultOptions with { Time = time }, ct);
        var arn = await cloud.CreateStateMachineAsync("ten-minutes", """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":600,"End":true}}}""", cancellationToken: ct);
        var states = new StepFunctionsClient(cloud.ClientConfig());
        var started = await states.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = arn, Input = "{}" }, ct);

        await cloud.WaitForIdleAsync(started.ExecutionArn, ct);
        time.Advance(TimeSpan.FromSeconds(599));
        await cloud.WaitForIdleAsync(started.ExecutionArn, ct);
        Assert.Equal("RUNNING", (await states.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = started.ExecutionArn }, ct)).Status);
        time.Advance(TimeSpan.FromSeconds(1));
        var ended = await cloud.WaitForExecutionAsync(started.ExecutionArn, TimeSpan.FromSeconds(10), ct);

        Assert.Equal("SUCCEEDED", ended.Status);
        Assert.Equal(TimeSpan.FromMinutes(10), ended.StopDate - ended.StartDate);
    }

    [Fact]
    public async Task CreateStateMachineAsync_DeploysADefinitionThatRuns()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cloud = await LocalCloudFixture.StartAsync(cancellationToken: ct);
        var arn = await cloud.CreateStateMachineAsync("pass-through", """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"ok":true},"End":true}}}""", cancellationToken: ct);

        var states = new StepFunctionsClient(cloud.ClientConfig());
        var started = await states.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = arn, Input = "{}" }, ct);
        var ended = await cloud.WaitForExecutionAsync(started.ExecutionArn, cancellationToken: ct);

        Assert.Equal($"arn:aws:states:{cloud.Region}:{cloud.AccountId}:stateMachine:pass-through", arn);
        Assert.Equal("SUCCEEDED", ended.Status);
        Assert.Equal("""{"ok":true}""", ended.Output);
    }
}
