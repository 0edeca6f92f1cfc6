using Poc.Cli.Cli;
using Poc.Cli.Cost;

namespace Poc.Cli.Tests.Cost;

public sealed class SharedWindowTests
{
    private const string Schedule = "arn:aws:scheduler:us-east-1:000000000000:schedule/default/poc-poller-schedule";

    private static readonly UsageReading[] Idle =
    [
        new("lambda", "Requests", "poc-poller", 4),
        new("lambda", "GBSeconds", "poc-poller", 0.05),
        new("dynamodb", "ReadCapacityUnits", "poc-task-tokens/index/status-index", 2),
        new("scheduler", "Invocations", Schedule, 4),
    ];

    private static readonly UsageReading[] Baseline =
    [
        new("states", "StateTransitions", MeasuredRuns.BaselineArn, 70),
        new("states", "ExecutionsStarted", MeasuredRuns.BaselineArn, 8),
        new("lambda", "Requests", "poc-simulated-api", 30),
        new("lambda", "GBSeconds", "poc-simulated-api", 0.8),
        new("dynamodb", "WriteCapacityUnits", "poc-jobs", 40),
    ];

    [Fact]
    public void Split_BaselineBesideIdleSweeps_EachResourceGoesToItsOwner()
    {
        var (idle, baseline) = SharedWindow.Split(new UsageSnapshot([.. Baseline, .. Idle]));

        Assert.Equal(Idle, idle.Records);
        Assert.Equal(Baseline, baseline.Records);
        Assert.Equal(4, idle.Function("poc-poller").LambdaRequests);
        Assert.Equal(0, baseline.Function("poc-poller").LambdaRequests);
        Assert.Equal(30, baseline.Function("poc-simulated-api").LambdaRequests);
        Assert.Equal(0, idle.Function("poc-simulated-api").LambdaRequests);
    }

    [Theory]
    [InlineData("dynamodb", "WriteCapacityUnits", "poc-task-tokens")]
    [InlineData("dynamodb", "WriteCapacityUnits", "poc-task-tokens/index/status-index")]
    [InlineData("lambda", "Requests", "poc-create-job")]
    [InlineData("states", "StateTransitions", MeasuredRuns.CallbackArn)]
    public void Split_CallbackWorkInTheWindow_RefusesRatherThanMisattribute(string service, string metric, string resource)
    {
        var window = new UsageSnapshot([.. Baseline, .. Idle, new(service, metric, resource, 1)]);

        var e = Assert.Throws<PocException>(() => SharedWindow.Split(window));

        Assert.Equal(Messages.IdleNotIdle, e.Message);
    }
}
