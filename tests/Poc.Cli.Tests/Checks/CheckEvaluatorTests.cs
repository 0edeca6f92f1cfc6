using Poc.Cli.Checks;
using Poc.Cli.History;
using Poc.Cli.Runs;
using Poc.Cli.Scenarios;
using Poc.Cli.Tests.History;

namespace Poc.Cli.Tests.Checks;

public sealed class CheckEvaluatorTests
{
    private const string Arn = "arn:aws:states:us-east-1:000000000000:execution:poc-callback-workflow:a";

    private static ExecutionObservation Succeeded(string token = SampleHistories.Token, string arn = Arn) =>
        new(ScenarioCatalog.Success, WorkflowKind.Callback, arn, "a")
        {
            Status = ExecutionStatuses.Succeeded,
            Output = """{"job":{"jobId":"job-1","status":"COMPLETED","result":{},"attempts":2}}""",
            History = HistoryEventParser.Parse(SampleHistories.Succeeded.Replace(SampleHistories.Token, token, StringComparison.Ordinal)),
            Record = new TokenRecord(arn, "job-1", token, RecordStatuses.Completed, 2),
        };

    private static CheckResult Check(ExecutionObservation e, PatternCheck check)
        => CheckEvaluator.EvaluateAll([e])[0].Single(r => r.Check == check);

    [Fact]
    public void EvaluateAll_HealthySuccess_EveryCheckPasses()
    {
        var results = CheckEvaluator.EvaluateAll([Succeeded()])[0];

        Assert.Equal(Enum.GetValues<PatternCheck>(), results.Select(r => r.Check));
        Assert.All(results, r => Assert.True(r.Passed, $"{r.Check}: {r.Detail}"));
    }

    [Fact]
    public void TokenGenerated_NoCallbackTaskAndNoRecord_Fails()
    {
        var e = Succeeded() with { History = [], Record = null };

        Assert.False(Check(e, PatternCheck.TokenGenerated).Passed);
    }

    [Fact]
    public void TokenGenerated_DetailNeverShowsTheWholeToken()
    {
        var result = Check(Succeeded(), PatternCheck.TokenGenerated);

        Assert.Equal("AQCEAAAA…", result.Detail);
    }

    [Fact]
    public void TokenUnique_TwoExecutionsSameToken_BothFail()
    {
        var results = CheckEvaluator.EvaluateAll([Succeeded(), Succeeded(arn: Arn + "2")]);

        Assert.All(results, r => Assert.False(r.Single(c => c.Check == PatternCheck.TokenUnique).Passed));
    }

    [Fact]
    public void TokenUnique_DifferentTokens_Pass()
    {
        var results = CheckEvaluator.EvaluateAll([Succeeded(), Succeeded(SampleHistories.Token + "x", Arn + "2")]);

        Assert.All(results, r => Assert.True(r.Single(c => c.Check == PatternCheck.TokenUnique).Passed));
    }

    [Fact]
    public void TokenPersisted_NoRecord_Fails()
    {
        Assert.False(Check(Succeeded() with { Record = null }, PatternCheck.TokenPersisted).Passed);
    }

    [Fact]
    public void TokenPersisted_RecordHoldsAnotherToken_Fails()
    {
        var e = Succeeded();
        e = e with { Record = e.Record! with { TaskToken = "different-token" } };

        var result = Check(e, PatternCheck.TokenPersisted);

        Assert.False(result.Passed);
        Assert.Contains("different", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void PollingCycles_FewerAttemptsThanTheScenarioImplies_Fails()
    {
        var e = Succeeded();

        Assert.False(Check(e with { Record = e.Record! with { Attempts = 1 } }, PatternCheck.PollingCycles).Passed);
        Assert.True(Check(e with { Record = e.Record! with { Attempts = 3 } }, PatternCheck.PollingCycles).Passed);
    }

    [Fact]
    public void Reconnected_NoStateAfterTheCallback_Fails()
    {
        var e = Succeeded() with { History = HistoryEventParser.Parse(SampleHistories.Waiting) };

        Assert.False(Check(e, PatternCheck.Reconnected).Passed);
    }

    [Fact]
    public void FinalStatus_WrongStatus_FailsSayingWhatWasExpected()
    {
        var e = Succeeded() with { Status = ExecutionStatuses.Failed, Error = "States.TaskFailed" };

        var result = Check(e, PatternCheck.FinalStatus);

        Assert.False(result.Passed);
        Assert.Contains("expected SUCCEEDED", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void FinalStatus_SucceededWithoutCompletedJobInOutput_Fails()
    {
        Assert.False(Check(Succeeded() with { Output = """{"job":{"status":"RUNNING"}}""" }, PatternCheck.FinalStatus).Passed);
        Assert.False(Check(Succeeded() with { Output = "not json" }, PatternCheck.FinalStatus).Passed);
    }

    [Fact]
    public void FinalStatus_FailedScenarioWithRightError_PassesAndWrongError_Fails()
    {
        var failed = Succeeded() with
        {
            Scenario = ScenarioCatalog.MaxAttempts,
            Status = ExecutionStatuses.Failed,
            Error = "MaxAttemptsExceeded",
            Output = null,
        };

        Assert.True(Check(failed, PatternCheck.FinalStatus).Passed);
        Assert.False(Check(failed with { Error = "JobFailed" }, PatternCheck.FinalStatus).Passed);
    }

    [Fact]
    public void RecordStatus_WrongStatus_Fails()
    {
        var e = Succeeded();

        var result = Check(e with { Record = e.Record! with { Status = RecordStatuses.Pending } }, PatternCheck.RecordStatus);

        Assert.False(result.Passed);
        Assert.Equal("PENDING, expected COMPLETED", result.Detail);
    }
}
