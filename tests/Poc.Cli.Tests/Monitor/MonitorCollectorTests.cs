using System.Net;
using Microsoft.Extensions.Time.Testing;
using Poc.Cli.Endpoints;
using Poc.Cli.Monitor;

namespace Poc.Cli.Tests.Monitor;

public sealed class MonitorCollectorTests
{
    // 2025-01-01T12:00:00Z
    private const long Epoch = 1735732800;
    private const string Machine = "arn:aws:states:us-east-1:000000000000:stateMachine:poc-callback-workflow";
    private const string Running = "arn:aws:states:us-east-1:000000000000:execution:poc-callback-workflow:run-2";
    private const string Ended = "arn:aws:states:us-east-1:000000000000:execution:poc-callback-workflow:run-1";
    private const string ScheduleArn = "arn:aws:scheduler:us-east-1:000000000000:schedule/default/poc-poller-schedule";

    private readonly FakeTimeProvider time = new(DateTimeOffset.FromUnixTimeSeconds(Epoch + 10));

    private static FakeAws Deployed() => new FakeAws()
        .On("ListStateMachines", $$$"""{"stateMachines":[{"stateMachineArn":"{{{Machine}}}","name":"poc-callback-workflow","type":"STANDARD","creationDate":{{{Epoch}}}}]}""")
        .On("ListExecutions", $$$"""
            {"executions":[
              {"executionArn":"{{{Running}}}","stateMachineArn":"{{{Machine}}}","name":"run-2","status":"RUNNING","startDate":{{{Epoch + 5}}}},
              {"executionArn":"{{{Ended}}}","stateMachineArn":"{{{Machine}}}","name":"run-1","status":"FAILED","startDate":{{{Epoch}}},"stopDate":{{{Epoch + 4}}}}]}
            """)
        .On("GetExecutionHistory", body => (HttpStatusCode.OK, body.Contains(Running, StringComparison.Ordinal)
            ? $$$"""
              {"events":[
                {"id":4,"timestamp":{{{Epoch + 6}}},"type":"TaskSubmitted","previousEventId":3},
                {"id":3,"timestamp":{{{Epoch + 6}}},"type":"TaskScheduled","previousEventId":2,"taskScheduledEventDetails":{"resourceType":"lambda","resource":"invoke.waitForTaskToken","region":"us-east-1","parameters":"{}"}},
                {"id":2,"timestamp":{{{Epoch + 5}}},"type":"TaskStateEntered","previousEventId":1,"stateEnteredEventDetails":{"name":"StartJobAndWaitForCallback"}}]}
              """
            : $$$"""
              {"events":[
                {"id":3,"timestamp":{{{Epoch + 4}}},"type":"ExecutionFailed","previousEventId":2,"executionFailedEventDetails":{"error":"JobFailed"}},
                {"id":2,"timestamp":{{{Epoch + 4}}},"type":"FailStateEntered","previousEventId":1,"stateEnteredEventDetails":{"name":"FailedState"}}]}
              """))
        .On("Query", body => (HttpStatusCode.OK, body.Contains("\"COUNT\"", StringComparison.Ordinal)
            ? $$$"""{"Count":{{{CountFor(body)}}},"ScannedCount":{{{CountFor(body)}}}}"""
            : $$$"""
              {"Count":1,"ScannedCount":1,"Items":[{"executionArn":{"S":"{{{Running}}}"},"jobId":{"S":"job-7"},"taskToken":{"S":"AQCEAAAAsecretsecret"},
               "status":{"S":"PENDING"},"attempts":{"N":"2"},"maxAttempts":{"N":"10"},"deadline":{"N":"{{{Epoch + 70}}}"},"createdAt":{"S":"2025-01-01T12:00:06Z"}}]}
              """))
        .On("GetSchedule", $$$"""
            {"Arn":"{{{ScheduleArn}}}","Name":"poc-poller-schedule","GroupName":"default","ScheduleExpression":"rate(1 minute)","State":"ENABLED",
             "CreationDate":{{{Epoch}}},"LastModificationDate":{{{Epoch}}}}
            """);

    private static int CountFor(string body)
        => body.Contains("\"PENDING\"", StringComparison.Ordinal) ? 1 : body.Contains("\"COMPLETED\"", StringComparison.Ordinal) ? 4 : 0;

    private static MonitorSources WithUsage(MonitorSources sources) => sources with
    {
        ScheduleTimeScale = 0.05,
        Usage = _ => Task.FromResult(LocalCloudUsage.Parse($$$"""
            {"records":[
              {"service":"lambda","metric":"Requests","resource":"poc-poller","amount":5},
              {"service":"lambda","metric":"GBSeconds","resource":"poc-poller","amount":1.25},
              {"service":"lambda","metric":"Requests","resource":"poc-create-job","amount":2},
              {"service":"scheduler","metric":"Invocations","resource":"{{{ScheduleArn}}}","amount":4},
              {"service":"states","metric":"StateTransitions","resource":"{{{Machine}}}","amount":9}]}
            """)),
    };

    [Fact]
    public async Task CollectAsync_DeployedOnLocalCloud_ReadsEveryPanel()
    {
        var collector = new MonitorCollector(WithUsage(Deployed().Sources()), time);

        var snapshot = await collector.CollectAsync(TestContext.Current.CancellationToken);

        Assert.False(snapshot.NothingDeployed);
        var callback = snapshot.StateMachines.Single(m => m.Name == "poc-callback-workflow");
        Assert.Equal(Machine, callback.Arn);
        Assert.Null(snapshot.StateMachines.Single(m => m.Name == "poc-polling-baseline").Arn);
        Assert.Equal(["run-2", "run-1"], callback.Executions.Select(e => e.Name));
        Assert.Equal("StartJobAndWaitForCallback (TaskSubmitted)", callback.Executions[0].CurrentState);
        Assert.Equal("FailedState (ExecutionFailed)", callback.Executions[1].CurrentState);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(Epoch + 4), callback.Executions[1].Stop);

        Assert.Equal([1, 4, 0, 0, 0], snapshot.Tokens.CountsByStatus.Select(c => c.Count));
        var pending = Assert.Single(snapshot.Tokens.Pending);
        Assert.Equal(("job-7", 2, 10), (pending.Record.JobId, pending.Record.Attempts, pending.Record.MaxAttempts));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(Epoch + 70), pending.Record.Deadline);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(Epoch + 6), pending.CreatedAt);

        // 10 s after the change at × 0.05 is 200 s of schedule time: the 4th minute is due at 12 s.
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(Epoch + 12), snapshot.Schedule.Next.At);
        Assert.Equal(4, snapshot.Schedule.Fired);
        Assert.Equal(0, snapshot.Schedule.TargetErrors);

        Assert.Equal(
            [("poc-create-job", 2L, (long?)null, 0.0), ("poc-poller", 5L, null, 1.25)],
            snapshot.Lambda.Functions.Select(f => (f.Name, f.Invocations, f.Errors, f.GbSeconds)));
        Assert.Equal(MonitorMessages.LambdaFromUsage, snapshot.Lambda.Note);
    }

    [Fact]
    public async Task CollectAsync_WithRecentInvocations_CountsErrorsAndListsTheNewest()
    {
        var failed = new LambdaInvocation("poc-poller", "r2", "Event", DateTimeOffset.FromUnixTimeSeconds(Epoch + 9), TimeSpan.FromMilliseconds(40), 40, null, "Timeout", "w1");
        var ok = failed with { RequestId = "r1", ErrorType = null };
        var asked = 0;
        var sources = WithUsage(Deployed().Sources()) with
        {
            RecentInvocations = (limit, _) =>
            {
                asked = limit;
                return Task.FromResult<IReadOnlyList<LambdaInvocation>>([failed, ok]);
            },
        };

        var snapshot = await new MonitorCollector(sources, time).CollectAsync(TestContext.Current.CancellationToken);

        Assert.Equal(LambdaActivityReader.RecentRead, asked);
        Assert.Equal(
            [("poc-create-job", 2L, (long?)0, 0.0), ("poc-poller", 5L, 1L, 1.25)],
            snapshot.Lambda.Functions.Select(f => (f.Name, f.Invocations, f.Errors, f.GbSeconds)));
        Assert.Equal(["r2", "r1"], snapshot.Lambda.Recent.Select(r => r.RequestId));
        Assert.Equal(MonitorMessages.LambdaFromLocalCloud(2), snapshot.Lambda.Note);
    }

    [Fact]
    public async Task CollectAsync_Twice_ReadsAnEndedExecutionsHistoryOnce()
    {
        var fake = Deployed();
        var collector = new MonitorCollector(fake.Sources(), time);

        await collector.CollectAsync(TestContext.Current.CancellationToken);
        var second = await collector.CollectAsync(TestContext.Current.CancellationToken);

        // run-2 (RUNNING) twice, run-1 (FAILED) once.
        Assert.Equal(3, fake.Calls["GetExecutionHistory"]);
        Assert.Equal("FailedState (ExecutionFailed)", second.StateMachines[0].Executions[1].CurrentState);
    }

    [Fact]
    public async Task CollectAsync_NothingThere_SaysNothingIsDeployed()
    {
        var fake = new FakeAws()
            .On("ListStateMachines", """{"stateMachines":[]}""")
            .Error("Query", HttpStatusCode.BadRequest, "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException")
            .Error("GetSchedule", HttpStatusCode.NotFound, "ResourceNotFoundException");

        var snapshot = await new MonitorCollector(fake.Sources(), time).CollectAsync(TestContext.Current.CancellationToken);

        Assert.True(snapshot.NothingDeployed);
        Assert.False(snapshot.Tokens.Exists);
        Assert.False(snapshot.Schedule.Exists);
        Assert.Equal(0, fake.Calls.GetValueOrDefault("ListExecutions"));
    }

    [Theory]
    [InlineData(EndpointKind.Aws, MonitorMessages.LambdaOnAws)]
    [InlineData(EndpointKind.OtherEmulator, MonitorMessages.LambdaOnOtherEmulator)]
    public async Task CollectAsync_WithoutLocalCloudUsage_LambdaIsANote(EndpointKind kind, string note)
    {
        var snapshot = await new MonitorCollector(Deployed().Sources(kind), time).CollectAsync(TestContext.Current.CancellationToken);

        Assert.False(snapshot.Lambda.HasData);
        Assert.Equal(note, snapshot.Lambda.Note);
        Assert.Null(snapshot.Schedule.Fired);
        Assert.Contains("estimated from its last change", snapshot.Schedule.Next.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_AwsError_Propagates()
    {
        var fake = Deployed().Error("ListStateMachines", HttpStatusCode.BadRequest, "AccessDeniedException");

        var error = await Assert.ThrowsAsync<Aws.Clients.AwsApiException>(() => new MonitorCollector(fake.Sources(), time).CollectAsync(TestContext.Current.CancellationToken));

        Assert.Equal("AccessDeniedException", error.ErrorCode);
    }
}
