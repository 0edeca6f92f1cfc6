using System.Text.Json.Nodes;
using JobOrchestration.Functions.Jobs;
using JobOrchestration.Functions.Poller;
using JobOrchestration.Functions.Tokens;

namespace JobOrchestration.Functions.Tests;

public class PollDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private static TokenRecord Record(int attempts, int maxAttempts = 3, int deadlineOffsetSeconds = 60) => new(
        "arn:exec", "job-1", "token-1", TokenStatus.Pending, attempts, maxAttempts, Now.AddSeconds(deadlineOffsetSeconds), Now.AddHours(-1), Now);

    private static JobStatusReport Report(string status, JsonObject? result = null, string? error = null) =>
        new("job-1", status, 1, 10, result, error);

    [Fact]
    public void Decide_Completed_SendsSuccessWithJobResultAndAttempts()
    {
        var action = PollDecision.Decide(Record(2), Report(JobStatus.Completed, new JsonObject { ["recordsProcessed"] = 7 }), Now);

        Assert.Equal(PollActionKind.SendSuccess, action.Kind);
        Assert.Equal(TokenStatus.Completed, action.TerminalStatus);
        var output = JsonNode.Parse(action.Output!)!.AsObject();
        Assert.Equal("job-1", output["jobId"]!.GetValue<string>());
        Assert.Equal("COMPLETED", output["status"]!.GetValue<string>());
        Assert.Equal(7, output["result"]!["recordsProcessed"]!.GetValue<int>());
        Assert.Equal(2, output["attempts"]!.GetValue<int>());
    }

    [Fact]
    public void Decide_Failed_SendsJobFailedWithTheApiErrorAsCause()
    {
        var action = PollDecision.Decide(Record(1), Report(JobStatus.Failed, error: "disk full"), Now);

        Assert.Equal(PollActionKind.SendFailure, action.Kind);
        Assert.Equal(TokenStatus.Failed, action.TerminalStatus);
        Assert.Equal("JobFailed", action.Error);
        Assert.Contains("disk full", action.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_FailedWithoutError_StillSendsANonEmptyCause()
    {
        var action = PollDecision.Decide(Record(1), Report(JobStatus.Failed), Now);

        Assert.Equal("JobFailed", action.Error);
        Assert.False(string.IsNullOrWhiteSpace(action.Cause));
    }

    [Theory]
    [InlineData(2, 3, PollActionKind.KeepPolling)]
    [InlineData(3, 3, PollActionKind.SendFailure)]
    [InlineData(4, 3, PollActionKind.SendFailure)]
    [InlineData(1, 1, PollActionKind.SendFailure)]
    public void Decide_RunningAtAttemptBoundary_FailsOnlyFromMaxAttempts(int attempts, int maxAttempts, PollActionKind expected)
    {
        var action = PollDecision.Decide(Record(attempts, maxAttempts), Report(JobStatus.Running), Now);

        Assert.Equal(expected, action.Kind);
        if (expected == PollActionKind.SendFailure)
        {
            Assert.Equal("MaxAttemptsExceeded", action.Error);
            Assert.Equal(TokenStatus.MaxAttempts, action.TerminalStatus);
            Assert.Contains($"{attempts} of {maxAttempts}", action.Cause, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(1, PollActionKind.KeepPolling)]
    [InlineData(0, PollActionKind.KeepPolling)]
    [InlineData(-1, PollActionKind.SendFailure)]
    public void Decide_RunningAtDeadlineBoundary_TimesOutOnlyAfterTheDeadline(int deadlineOffsetSeconds, PollActionKind expected)
    {
        var action = PollDecision.Decide(Record(1, 10, deadlineOffsetSeconds), Report(JobStatus.Running), Now);

        Assert.Equal(expected, action.Kind);
        if (expected == PollActionKind.SendFailure)
        {
            Assert.Equal("PollingTimeout", action.Error);
            Assert.Equal(TokenStatus.Timeout, action.TerminalStatus);
            Assert.False(string.IsNullOrWhiteSpace(action.Cause));
        }
    }

    [Fact]
    public void Decide_CompletedOnTheLastAllowedAttemptAfterTheDeadline_StillSucceeds()
    {
        var action = PollDecision.Decide(Record(3, 3, -100), Report(JobStatus.Completed, new JsonObject()), Now);

        Assert.Equal(PollActionKind.SendSuccess, action.Kind);
    }

    [Fact]
    public void Decide_FailedOnTheLastAllowedAttempt_ReportsJobFailedNotMaxAttempts()
    {
        var action = PollDecision.Decide(Record(3, 3), Report(JobStatus.Failed, error: "boom"), Now);

        Assert.Equal("JobFailed", action.Error);
    }

    [Fact]
    public void Decide_MaxAttemptsAndDeadlineBothReached_MaxAttemptsWins()
    {
        var action = PollDecision.Decide(Record(3, 3, -1), Report(JobStatus.Running), Now);

        Assert.Equal("MaxAttemptsExceeded", action.Error);
    }

    [Fact]
    public void Decide_StatusUnknownWithinLimits_KeepsPolling()
    {
        Assert.Equal(PollActionKind.KeepPolling, PollDecision.Decide(Record(1), null, Now).Kind);
    }

    [Fact]
    public void Decide_StatusUnknownAtMaxAttempts_StillEnds()
    {
        var action = PollDecision.Decide(Record(3, 3), null, Now);

        Assert.Equal("MaxAttemptsExceeded", action.Error);
        Assert.Contains("unknown", action.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_HugeApiError_CauseFitsSendTaskFailureLimit()
    {
        var action = PollDecision.Decide(Record(1), Report(JobStatus.Failed, error: new string('x', 40000)), Now);

        Assert.Equal(32768, action.Cause!.Length);
    }
}
