using System.Text.Json.Nodes;
using JobOrchestration.Functions.Jobs;
using JobOrchestration.Functions.Poller;
using JobOrchestration.Functions.Tests.Fakes;
using JobOrchestration.Functions.Tokens;

namespace JobOrchestration.Functions.Tests;

public class JobPollerTests
{
    private readonly Harness h = new();

    private Task<PollSummary> SweepAsync() => h.Poller().SweepAsync(TestContext.Current.CancellationToken);

    // The schedule's minute: every lease taken by the previous sweep has run out.
    private Task<PollSummary> NextSweepAsync()
    {
        h.Time.Advance(TimeSpan.FromMinutes(1));
        return SweepAsync();
    }

    [Fact]
    public async Task SweepAsync_CompleteScenario_SendsSuccessOnceTheJobCompletesAndRecordsCompleted()
    {
        var (jobId, _) = await h.StartAsync(Harness.Execution(1), Harness.Token(1), JobScenario.Complete, checksToComplete: 2);

        var first = await SweepAsync();
        var second = await NextSweepAsync();
        var third = await NextSweepAsync();

        Assert.Equal(new PollSummary(1, 0, 0, 0, 0, 1, 0), first);
        Assert.Equal(new PollSummary(1, 1, 0, 0, 0, 0, 0), second);
        Assert.Equal(new PollSummary(0, 0, 0, 0, 0, 0, 0), third);
        var sent = Assert.Single(h.Callbacks.Sent);
        Assert.Equal(Harness.Token(1), sent.TaskToken);
        var output = JsonNode.Parse(sent.Output!)!.AsObject();
        Assert.Equal(jobId, output["jobId"]!.GetValue<string>());
        Assert.Equal("COMPLETED", output["status"]!.GetValue<string>());
        Assert.Equal(2000, output["result"]!["recordsProcessed"]!.GetValue<int>());
        Assert.Equal(2, output["attempts"]!.GetValue<int>());
        var record = h.Tokens[Harness.Execution(1)];
        Assert.Equal(TokenStatus.Completed, record.Status);
        Assert.Equal(2, record.Attempts);
        Assert.Equal(2000, JsonNode.Parse(record.Result!)!["recordsProcessed"]!.GetValue<int>());
    }

    [Fact]
    public async Task SweepAsync_FailScenario_SendsJobFailedAndRecordsFailed()
    {
        await h.StartAsync(Harness.Execution(1), Harness.Token(1), JobScenario.Fail, checksToComplete: 1);

        var summary = await SweepAsync();

        Assert.Equal(new PollSummary(1, 0, 1, 0, 0, 0, 0), summary);
        var sent = Assert.Single(h.Callbacks.Sent);
        Assert.Equal("JobFailed", sent.Error);
        Assert.False(string.IsNullOrWhiteSpace(sent.Cause));
        var record = h.Tokens[Harness.Execution(1)];
        Assert.Equal(TokenStatus.Failed, record.Status);
        Assert.StartsWith("JobFailed: ", record.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SweepAsync_NeverScenarioWithSmallMaxAttempts_SendsMaxAttemptsExceededOnTheLastAttempt()
    {
        await h.StartAsync(Harness.Execution(1), Harness.Token(1), JobScenario.Never, maxAttempts: 3);

        var summaries = new List<PollSummary>();
        for (var i = 0; i < 4; i++)
        {
            summaries.Add(await NextSweepAsync());
        }

        Assert.Equal([1, 1, 0, 0], summaries.Select(s => s.StillPending));
        Assert.Equal([0, 0, 1, 0], summaries.Select(s => s.MaxAttempts));
        var sent = Assert.Single(h.Callbacks.Sent);
        Assert.Equal("MaxAttemptsExceeded", sent.Error);
        Assert.Contains("3 of 3", sent.Cause, StringComparison.Ordinal);
        Assert.Equal(TokenStatus.MaxAttempts, h.Tokens[Harness.Execution(1)].Status);
        Assert.Equal(3, h.Jobs.All.Single().Checks);
    }

    [Fact]
    public async Task SweepAsync_NeverScenarioPastItsDeadline_SendsPollingTimeout()
    {
        await h.StartAsync(Harness.Execution(1), Harness.Token(1), JobScenario.Never, pollingTimeoutSeconds: 60);

        var before = await SweepAsync();
        h.Time.Advance(TimeSpan.FromSeconds(60));
        var atDeadline = await SweepAsync();
        h.Time.Advance(new PollerOptions().Lease);
        var after = await SweepAsync();

        Assert.Equal(1, before.StillPending);
        Assert.Equal(1, atDeadline.StillPending);
        Assert.Equal(new PollSummary(1, 0, 0, 0, 1, 0, 0), after);
        var sent = Assert.Single(h.Callbacks.Sent);
        Assert.Equal("PollingTimeout", sent.Error);
        Assert.False(string.IsNullOrWhiteSpace(sent.Cause));
        Assert.Equal(TokenStatus.Timeout, h.Tokens[Harness.Execution(1)].Status);
    }

    [Fact]
    public async Task SweepAsync_StepFunctionsAnswersTaskTimedOut_RecordsTimeoutAndNeverRetries()
    {
        await h.StartAsync(Harness.Execution(1), Harness.Token(1), JobScenario.Complete, checksToComplete: 1);
        h.Callbacks.ClosedTokens[Harness.Token(1)] = true;

        var summary = await SweepAsync();
        var next = await NextSweepAsync();

        Assert.Equal(new PollSummary(1, 0, 0, 0, 1, 0, 0), summary);
        Assert.Equal(0, next.Checked);
        Assert.Single(h.Callbacks.Sent);
        var record = h.Tokens[Harness.Execution(1)];
        Assert.Equal(TokenStatus.Timeout, record.Status);
        Assert.StartsWith("TaskTimedOut", record.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SweepAsync_OneJobFails_TheOthersAreStillPolledAndTheErrorIsCounted()
    {
        await h.StartAsync(Harness.Execution(1), Harness.Token(1), JobScenario.Complete, checksToComplete: 1);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.StartAsync(Harness.Execution(2), Harness.Token(2), JobScenario.Complete, checksToComplete: 1);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.StartAsync(Harness.Execution(3), Harness.Token(3), JobScenario.Complete, checksToComplete: 1);
        h.Callbacks.FailingTokens[Harness.Token(1)] = new HttpRequestException("connection reset");
        h.Tokens.FailClaimFor = arn => arn == Harness.Execution(2) ? new InvalidOperationException("throttled") : null;

        var summary = await SweepAsync();

        Assert.Equal(new PollSummary(Checked: 2, Completed: 1, Failed: 0, MaxAttempts: 0, TimedOut: 0, StillPending: 0, Errors: 2), summary);
        Assert.Equal(TokenStatus.Completed, h.Tokens[Harness.Execution(3)].Status);
        Assert.Equal(TokenStatus.Pending, h.Tokens[Harness.Execution(1)].Status);
        Assert.Equal(1, h.Tokens[Harness.Execution(1)].Attempts);
        Assert.Equal(TokenStatus.Pending, h.Tokens[Harness.Execution(2)].Status);
        Assert.Contains(h.Log.Lines, line => line.StartsWith("ERROR", StringComparison.Ordinal) && line.Contains("connection reset", StringComparison.Ordinal));
        Assert.Contains(h.Log.Lines, line => line.StartsWith("ERROR", StringComparison.Ordinal) && line.Contains("throttled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SweepAsync_JobUnknownToTheApi_CountsAnErrorAndStillEndsAtMaxAttempts()
    {
        var now = h.Time.GetUtcNow();
        h.Tokens.Put(new TokenRecord(Harness.Execution(1), "job-gone", Harness.Token(1), TokenStatus.Pending, 0, 2, now.AddHours(1), now, now));

        var first = await SweepAsync();
        var second = await NextSweepAsync();

        Assert.Equal(new PollSummary(1, 0, 0, 0, 0, 1, 1), first);
        Assert.Equal(new PollSummary(1, 0, 0, 1, 0, 0, 1), second);
        Assert.Equal("MaxAttemptsExceeded", Assert.Single(h.Callbacks.Sent).Error);
        Assert.Contains(h.Log.Lines, line => line.Contains("UnknownJob", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SweepAsync_TwoPollersRaceOverTheSameSnapshot_EachJobIsCountedAndCalledBackExactlyOnce()
    {
        for (var n = 1; n <= 6; n++)
        {
            await h.StartAsync(Harness.Execution(n), Harness.Token(n), n <= 4 ? JobScenario.Complete : JobScenario.Never, checksToComplete: 1);
            h.Time.Advance(TimeSpan.FromMilliseconds(10));
        }

        h.Tokens.HoldQueriesUntil(2);
        var ct = TestContext.Current.CancellationToken;
        var sweeps = await Task.WhenAll(
            Task.Run(() => h.Poller().SweepAsync(ct), ct),
            Task.Run(() => h.Poller().SweepAsync(ct), ct));

        Assert.Equal(6, sweeps.Sum(s => s.Checked));
        Assert.Equal(4, sweeps.Sum(s => s.Completed));
        Assert.Equal(2, sweeps.Sum(s => s.StillPending));
        Assert.Equal(0, sweeps.Sum(s => s.Errors));
        Assert.Equal(4, h.Callbacks.Sent.Count);
        Assert.Equal(Enumerable.Range(1, 4).Select(Harness.Token).Order(), h.Callbacks.Sent.Select(c => c.TaskToken).Order());
        Assert.All(h.Tokens.All, r => Assert.Equal(1, r.Attempts));
        Assert.All(h.Jobs.All, j => Assert.Equal(1, j.Checks));
        Assert.Contains(h.Log.Lines, line => line.Contains("claimed by another poller", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SweepAsync_AnyOutcome_LogsTokensOnlyRedacted()
    {
        await h.StartAsync(Harness.Execution(1), Harness.Token(1), JobScenario.Complete, checksToComplete: 1);
        await h.StartAsync(Harness.Execution(2), Harness.Token(2), JobScenario.Never, checksToComplete: 1, maxAttempts: 1);
        await h.StartAsync(Harness.Execution(3), Harness.Token(3), JobScenario.Complete, checksToComplete: 1);
        await h.StartAsync(Harness.Execution(4), Harness.Token(4), JobScenario.Complete, checksToComplete: 1);
        h.Callbacks.ClosedTokens[Harness.Token(3)] = true;
        h.Callbacks.FailingTokens[Harness.Token(4)] = new HttpRequestException("network down");

        await SweepAsync();

        Assert.NotEmpty(h.Log.Lines);
        Assert.DoesNotContain(h.Log.Lines, line => line.Contains("secret", StringComparison.Ordinal));
        Assert.Contains(h.Log.Lines, line => line.Contains("TOKEN003…", StringComparison.Ordinal));
        Assert.Contains(h.Log.Lines, line => line.Contains("TOKEN004…", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_AnyInput_ReturnsTheSummaryAsJson()
    {
        await h.StartAsync(Harness.Execution(1), Harness.Token(1), JobScenario.Complete, checksToComplete: 1);
        var function = new PollerFunction(h.Tokens, h.JobApi, h.Callbacks, h.Time, h.Log);

        var summary = await StreamJson.ReadAsync(await function.HandleAsync(StreamJson.Of("this is not even JSON")));

        Assert.Equal(
            """{"checked":1,"completed":1,"failed":0,"maxAttempts":0,"timedOut":0,"stillPending":0,"errors":0}""",
            summary.ToJsonString());
    }
}
