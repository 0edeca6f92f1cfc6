using System.Text.Json.Nodes;
using Poc.Cli.Scenarios;

namespace Poc.Cli.Tests.Scenarios;

public sealed class ScenarioCatalogTests
{
    [Fact]
    public void All_ListsEveryScenarioOnceHappyPathFirst()
    {
        Assert.Equal(["success", "job-failed", "max-attempts", "polling-timeout", "state-timeout"], ScenarioCatalog.Names);
    }

    [Theory]
    [InlineData("success", "SUCCEEDED", null, "COMPLETED")]
    [InlineData("job-failed", "FAILED", "JobFailed", "FAILED")]
    [InlineData("max-attempts", "FAILED", "MaxAttemptsExceeded", "MAX_ATTEMPTS")]
    [InlineData("polling-timeout", "FAILED", "PollingTimeout", "TIMEOUT")]
    [InlineData("state-timeout", "FAILED", "States.Timeout", "TIMEOUT")]
    public void Find_EachScenario_ExpectsTheContractOutcome(string name, string status, string? error, string recordStatus)
    {
        var scenario = ScenarioCatalog.Find(name);

        Assert.NotNull(scenario);
        Assert.Equal(status, scenario.Expectation.ExecutionStatus);
        Assert.Equal(error, scenario.Expectation.Error);
        Assert.Equal(recordStatus, scenario.Expectation.RecordStatus);
    }

    [Fact]
    public void Find_UnknownName_ReturnsNull()
    {
        Assert.Null(ScenarioCatalog.Find("nope"));
        Assert.Same(ScenarioCatalog.Success, ScenarioCatalog.Find("SUCCESS"));
    }

    [Fact]
    public void BuildInput_Success_CompletesAfterTwoChecks()
    {
        var input = ScenarioCatalog.Success.BuildInput("job-1", 60);

        Assert.Equal("complete", (string?)input["scenario"]);
        Assert.Equal(2, (int?)input["checksToComplete"]);
        Assert.Equal("job-1", (string?)input["jobName"]);
        Assert.Equal(60, (int?)input["pollIntervalSeconds"]);
        Assert.Null(input["maxAttempts"]);
        Assert.Null(input["taskTimeoutSeconds"]);
    }

    [Fact]
    public void BuildInput_JobFailed_FailsAfterTwoChecks()
    {
        var input = ScenarioCatalog.JobFailed.BuildInput("j", 60);

        Assert.Equal("fail", (string?)input["scenario"]);
        Assert.Equal(2, (int?)input["checksToComplete"]);
    }

    [Fact]
    public void BuildInput_MaxAttempts_NeverEndsWithThreeAttempts()
    {
        var input = ScenarioCatalog.MaxAttempts.BuildInput("j", 60);

        Assert.Equal("never", (string?)input["scenario"]);
        Assert.Equal(3, (int?)input["maxAttempts"]);
        Assert.Null(input["pollingTimeoutSeconds"]);
    }

    [Theory]
    [InlineData(60, 150)]
    [InlineData(3, 8)]
    [InlineData(0.2, 1)]
    public void BuildInput_PollingTimeout_DeadlineIsTwoAndAHalfIntervalsRoundedUp(double interval, int expectedSeconds)
    {
        var input = ScenarioCatalog.PollingTimeout.BuildInput("j", interval);

        Assert.Equal("never", (string?)input["scenario"]);
        Assert.Equal(1000, (int?)input["maxAttempts"]);
        Assert.Equal(expectedSeconds, (int?)input["pollingTimeoutSeconds"]);
        Assert.Null(input["taskTimeoutSeconds"]);
    }

    [Fact]
    public void BuildInput_StateTimeout_TaskTimesOutMoreThanAnIntervalBeforeThePollingDeadline()
    {
        var input = ScenarioCatalog.StateTimeout.BuildInput("j", 3);

        Assert.Equal(8, (int?)input["taskTimeoutSeconds"]);
        Assert.Equal(12, (int?)input["pollingTimeoutSeconds"]);
        Assert.Equal(1000, (int?)input["maxAttempts"]);
        Assert.True((int)input["pollingTimeoutSeconds"]! - (int)input["taskTimeoutSeconds"]! > 3);
    }

    [Fact]
    public void AppliesToBaseline_OnlyStateTimeoutNeedsTheCallbackTask()
    {
        Assert.Equal(["state-timeout"], ScenarioCatalog.All.Where(s => !s.AppliesToBaseline).Select(s => s.Name));
    }

    [Fact]
    public void BuildInput_NonPositiveInterval_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioCatalog.Success.BuildInput("j", 0));
    }

    [Fact]
    public void BuildInput_IsFreshEachTime()
    {
        JsonObject first = ScenarioCatalog.Success.BuildInput("a", 60);
        first["scenario"] = "changed";

        Assert.Equal("complete", (string?)ScenarioCatalog.Success.BuildInput("b", 60)["scenario"]);
    }
}
