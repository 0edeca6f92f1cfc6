using Amazon.DynamoDBv2.Model;
using Poc.Cli.Runs;
using Poc.Cli.Scenarios;

namespace Poc.Cli.Tests.Runs;

public sealed class RunModelTests
{
    [Fact]
    public void FromItem_ReadsTheContractFields()
    {
        var record = TokenRecords.FromItem(new Dictionary<string, AttributeValue>
        {
            ["executionArn"] = new() { S = "arn:x" },
            ["jobId"] = new() { S = "job-1" },
            ["taskToken"] = new() { S = "tok" },
            ["status"] = new() { S = "MAX_ATTEMPTS" },
            ["attempts"] = new() { N = "3" },
            ["maxAttempts"] = new() { N = "3" },
            ["lastError"] = new() { S = "MaxAttemptsExceeded" },
        });

        Assert.Equal(new TokenRecord("arn:x", "job-1", "tok", "MAX_ATTEMPTS", 3) { MaxAttempts = 3, LastError = "MaxAttemptsExceeded" }, record);
    }

    [Fact]
    public void FromItem_MissingAttempts_CountsZero()
    {
        var record = TokenRecords.FromItem(new Dictionary<string, AttributeValue> { ["executionArn"] = new() { S = "arn:x" } });

        Assert.Equal(0, record.Attempts);
        Assert.Null(record.TaskToken);
    }

    [Fact]
    public void PollerSummaryParse_ContractShape()
    {
        var summary = PollerSummary.Parse("""{"checked":5,"completed":1,"failed":1,"maxAttempts":1,"timedOut":1,"stillPending":1,"errors":0}""");

        Assert.Equal(new PollerSummary(5, 1, 1, 1, 1, 1, 0), summary);
        Assert.StartsWith("checked 5: 1 completed", summary.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PollerSummaryParse_MissingFields_Zero()
    {
        Assert.Equal(new PollerSummary(2, 0, 0, 0, 0, 0, 0), PollerSummary.Parse("""{"checked":2}"""));
    }

    [Fact]
    public void ExecutionName_ValidUniqueAndReadable()
    {
        var a = ScenarioRunner.ExecutionName(ScenarioCatalog.PollingTimeout, "test1", 2);
        var b = ScenarioRunner.ExecutionName(ScenarioCatalog.PollingTimeout, "test1", 2);

        Assert.StartsWith("polling-timeout-test1-2-", a, StringComparison.Ordinal);
        Assert.NotEqual(a, b);
        Assert.Matches("^[A-Za-z0-9_-]{1,80}$", a);
    }

    [Fact]
    public void ExecutionName_LongOrOddLabel_StillValid()
    {
        var name = ScenarioRunner.ExecutionName(ScenarioCatalog.Success, new string('x', 100) + " ü/", 1);

        Assert.Matches("^[A-Za-z0-9_-]{1,80}$", name);
    }

    [Fact]
    public void AllAsExpected_OneWrong_False()
    {
        var record = new TokenRecord("a", "job-1", "token", RecordStatuses.Failed, 2);
        var ok = new ExecutionObservation(ScenarioCatalog.JobFailed, WorkflowKind.Callback, "a", "a") { Status = "FAILED", Error = "JobFailed", Record = record };
        var wrong = ok with { Error = "States.TaskFailed" };
        var recordLeftPending = ok with { Record = record with { Status = RecordStatuses.Pending } };

        Assert.True(new RunResult([ok], TimeSpan.Zero, 0).AllAsExpected);
        Assert.False(new RunResult([ok, wrong], TimeSpan.Zero, 0).AllAsExpected);
        Assert.True(recordLeftPending.MatchesExpectation);
        Assert.False(new RunResult([recordLeftPending], TimeSpan.Zero, 0).AllAsExpected);
        Assert.False(new RunResult([], TimeSpan.Zero, 0).AllAsExpected);
    }
}
