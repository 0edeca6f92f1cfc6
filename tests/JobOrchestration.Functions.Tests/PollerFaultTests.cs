using System.Text.Json.Nodes;
using JobOrchestration.Functions.Jobs;
using JobOrchestration.Functions.Poller;
using JobOrchestration.Functions.Tests.Fakes;
using JobOrchestration.Functions.Tests.LocalCloudFakes;
using JobOrchestration.Functions.Tokens;

namespace JobOrchestration.Functions.Tests;

/// <summary>
/// The poller's lease and outcome fencing under injected faults, against LocalCloud's DynamoDB (in process, real
/// conditional writes and status-index) and a Step Functions that, like AWS, takes one callback per task and answers
/// TaskTimedOut to any later one. A "crash" stops the poller's work on a record right after the injected point.
/// </summary>
public sealed class PollerFaultTests : IAsyncLifetime
{
    private static readonly PollerOptions BatchWrites = new() { BatchWrites = true };

    private LocalCloudHarness h = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => h = await LocalCloudHarness.StartAsync();

    public ValueTask DisposeAsync() => h.DisposeAsync();

    [Fact]
    public async Task SweepAsync_CrashBetweenClaimAndCallback_TheFirstSweepAfterTheLeaseFinishesTheJobWithOneCallback()
    {
        var jobId = await h.StartAsync(1, JobScenario.Complete, checksToComplete: 1);
        var crashing = new CrashingTokenStore(h.Tokens) { CrashAfterClaim = _ => true };

        var crashed = await h.Poller(crashing).SweepAsync(Ct);
        var whileLeased = await h.Poller().SweepAsync(Ct);
        var leasedRecord = await h.RecordAsync(1);
        h.Time.Advance(LocalCloudHarness.PastTheLease);
        var afterLease = await h.Poller().SweepAsync(Ct);

        Assert.Equal(1, crashed.Errors);
        Assert.Equal(0, whileLeased.Checked);
        Assert.Equal((TokenStatus.Pending, 1), (leasedRecord.Status, leasedRecord.Attempts));
        Assert.Equal(new PollSummary(1, 1, 0, 0, 0, 0, 0), afterLease);
        var callback = Assert.Single(h.StepFunctions.Accepted);
        Assert.Equal(Harness.Token(1), callback.Token);
        Assert.Equal(2, JsonNode.Parse(callback.Output!)!["attempts"]!.GetValue<int>());
        Assert.Empty(h.StepFunctions.Rejected);
        var record = await h.RecordAsync(1);
        Assert.Equal((TokenStatus.Completed, 2), (record.Status, record.Attempts));
        Assert.Equal(1, await h.ChecksAsync(jobId));
    }

    [Fact]
    public async Task SweepAsync_CrashAfterABatchClaimLanded_TheRecordsWaitOutTheLeaseAndEachIsFinishedWithOneCallback()
    {
        var jobIds = new List<string>();
        for (var n = 1; n <= 3; n++)
        {
            jobIds.Add(await h.StartAsync(n, JobScenario.Complete, checksToComplete: 1));
        }

        var crashing = new CrashingTokenStore(h.Tokens) { ClaimInBatches = true, CrashAfterClaim = _ => true };

        var crashed = await h.Poller(crashing, options: BatchWrites).SweepAsync(Ct);
        var whileLeased = await h.Poller().SweepAsync(Ct);
        var leased = await Task.WhenAll(Enumerable.Range(1, 3).Select(h.RecordAsync));
        h.Time.Advance(LocalCloudHarness.PastTheLease);
        var afterLease = await h.Poller().SweepAsync(Ct);

        // The batch landed, so the one-by-one claims after the failure find the attempts changed and leave the records.
        Assert.Equal(0, crashed.Checked);
        Assert.Equal(0, whileLeased.Checked);
        Assert.All(leased, r => Assert.Equal((TokenStatus.Pending, 1), (r.Status, r.Attempts)));
        Assert.Equal(new PollSummary(3, 3, 0, 0, 0, 0, 0), afterLease);
        Assert.Equal(3, h.StepFunctions.Accepted.Count);
        Assert.Equal(3, h.StepFunctions.Accepted.Select(c => c.Token).Distinct().Count());
        Assert.Empty(h.StepFunctions.Rejected);
        Assert.All(await Task.WhenAll(jobIds.Select(h.ChecksAsync)), checks => Assert.Equal(1, checks));
    }

    [Fact]
    public async Task SweepAsync_CrashAfterTheOutcomeWasStored_TheNextSweepSendsThatOutcomeWithoutCheckingAgain()
    {
        var jobId = await h.StartAsync(1, JobScenario.Fail, checksToComplete: 1);
        var crashing = new CrashingTokenStore(h.Tokens) { CrashAfterOutcome = _ => true };

        await h.Poller(crashing).SweepAsync(Ct);
        var stored = await h.RecordAsync(1);
        h.Time.Advance(LocalCloudHarness.PastTheLease);
        var next = await h.Poller().SweepAsync(Ct);

        Assert.Equal((TokenStatus.Pending, TokenStatus.Failed), (stored.Status, stored.Outcome));
        Assert.Equal(1, next.Failed);
        var callback = Assert.Single(h.StepFunctions.Accepted);
        Assert.Equal("JobFailed", callback.Error);
        Assert.Equal(stored.LastError, $"JobFailed: {callback.Cause}");
        Assert.Equal(TokenStatus.Failed, (await h.RecordAsync(1)).Status);
        Assert.Equal(1, await h.ChecksAsync(jobId));
    }

    [Fact]
    public async Task SweepAsync_CrashAfterTheCallbackWasDelivered_TaskTimedOutSettlesTheRecordToTheDeliveredOutcome()
    {
        // Max attempts is reached while the job still runs; by the next sweep it has completed. The execution already
        // failed with MaxAttemptsExceeded, so the record must say MAX_ATTEMPTS: not COMPLETED, not TIMEOUT.
        var jobId = await h.StartAsync(1, JobScenario.Complete, checksToComplete: 2, maxAttempts: 1);
        var crashing = new GatedCallbacks(h.Callbacks) { CrashAfterDelivery = true };

        var first = await h.Poller(callbacks: crashing).SweepAsync(Ct);
        h.Time.Advance(LocalCloudHarness.PastTheLease);
        var second = await h.Poller().SweepAsync(Ct);

        Assert.Equal(1, first.Errors);
        Assert.Equal(1, second.MaxAttempts);
        var delivered = Assert.Single(h.StepFunctions.Accepted);
        Assert.Equal("MaxAttemptsExceeded", delivered.Error);
        Assert.Equal([(Harness.Token(1), "TaskTimedOut")], h.StepFunctions.Rejected);
        var record = await h.RecordAsync(1);
        Assert.Equal(TokenStatus.MaxAttempts, record.Status);
        Assert.StartsWith("MaxAttemptsExceeded: ", record.LastError, StringComparison.Ordinal);
        Assert.Equal(1, await h.ChecksAsync(jobId));
    }

    [Fact]
    public async Task SweepAsync_TaskTimedOutInStepFunctionsBeforeTheCallback_RecordsTimeoutAndNothingAdvances()
    {
        await h.StartAsync(1, JobScenario.Complete, checksToComplete: 1);
        h.StepFunctions.TimeOut(Harness.Token(1));

        var summary = await h.Poller().SweepAsync(Ct);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var next = await h.Poller().SweepAsync(Ct);

        Assert.Equal(new PollSummary(1, 0, 0, 0, 1, 0, 0), summary);
        Assert.Equal(0, next.Checked);
        Assert.Empty(h.StepFunctions.Accepted);
        Assert.Equal([(Harness.Token(1), "TaskTimedOut")], h.StepFunctions.Rejected);
        var record = await h.RecordAsync(1);
        Assert.Equal(TokenStatus.Timeout, record.Status);
        Assert.StartsWith("TaskTimedOut", record.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SweepAsync_StalledPollerCallsBackAfterAnotherFinishedTheJob_ItsLateCallbackChangesNothing()
    {
        await h.StartAsync(1, JobScenario.Complete, checksToComplete: 1);
        var stalled = new GatedCallbacks(h.Callbacks) { Hold = true };

        var slow = Task.Run(() => h.Poller(callbacks: stalled).SweepAsync(Ct), Ct);
        await stalled.Reached.WaitAsync(Ct);
        h.Time.Advance(LocalCloudHarness.PastTheLease);
        var takeover = await h.Poller().SweepAsync(Ct);
        stalled.Release();
        var late = await slow;

        Assert.Equal(1, takeover.Completed);
        Assert.Equal(0, late.Completed + late.TimedOut);
        Assert.Single(h.StepFunctions.Accepted);
        Assert.Equal([(Harness.Token(1), "TaskTimedOut")], h.StepFunctions.Rejected);
        var record = await h.RecordAsync(1);
        Assert.Equal((TokenStatus.Completed, 2), (record.Status, record.Attempts));
        Assert.Contains(h.Log.Lines, line => line.Contains("no longer ours", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SweepAsync_StalledPollerCallsBackAfterAnotherDeliveredAndCrashed_TheRecordStillEndsWithTheDeliveredOutcome()
    {
        await h.StartAsync(1, JobScenario.Complete, checksToComplete: 1);
        var stalled = new GatedCallbacks(h.Callbacks) { Hold = true };
        var crashing = new GatedCallbacks(h.Callbacks) { CrashAfterDelivery = true };

        var slow = Task.Run(() => h.Poller(callbacks: stalled).SweepAsync(Ct), Ct);
        await stalled.Reached.WaitAsync(Ct);
        h.Time.Advance(LocalCloudHarness.PastTheLease);
        await h.Poller(callbacks: crashing).SweepAsync(Ct);
        stalled.Release();
        await slow;
        var afterLateCallback = await h.RecordAsync(1);
        h.Time.Advance(LocalCloudHarness.PastTheLease);
        var next = await h.Poller().SweepAsync(Ct);

        // The stalled poller's TaskTimedOut looks like Step Functions' own timeout to it, but its claim is gone, so it
        // may not write TIMEOUT; the next sweep settles the record to what was delivered.
        Assert.Equal(TokenStatus.Pending, afterLateCallback.Status);
        Assert.Equal(1, next.Completed);
        Assert.Single(h.StepFunctions.Accepted);
        Assert.Equal(2, h.StepFunctions.Rejected.Count);
        Assert.Equal(TokenStatus.Completed, (await h.RecordAsync(1)).Status);
    }

    [Fact]
    public async Task SweepAsync_TwoPollersRaceOver1000Jobs_EachJobIsCheckedOnceAndCalledBackExactlyOnce()
    {
        var jobs = await StartMixAsync(1000);
        var racing = new CrashingTokenStore(h.Tokens);
        racing.HoldQueriesUntil(2);

        var sweeps = await Task.WhenAll(
            Task.Run(() => h.Poller(racing).SweepAsync(Ct), Ct),
            Task.Run(() => h.Poller(racing).SweepAsync(Ct), Ct));

        Assert.Equal(1000, sweeps.Sum(s => s.Checked));
        Assert.Equal(0, sweeps.Sum(s => s.Errors));
        await AssertOneCallbackEachAsync(jobs, expectedAttempts: 1);
        Assert.All(await Task.WhenAll(jobs.Select(j => h.ChecksAsync(j.JobId))), checks => Assert.Equal(1, checks));
    }

    [Fact]
    public async Task SweepAsync_TwoPollersRaceOver1000JobsClaimingInBatches_EachJobIsCheckedOnceAndCalledBackExactlyOnce()
    {
        var jobs = await StartMixAsync(1000);
        var racing = new CrashingTokenStore(h.Tokens) { ClaimInBatches = true };
        racing.HoldQueriesUntil(2);

        var sweeps = await Task.WhenAll(
            Task.Run(() => h.Poller(racing, options: BatchWrites).SweepAsync(Ct), Ct),
            Task.Run(() => h.Poller(racing, options: BatchWrites).SweepAsync(Ct), Ct));

        Assert.Equal(1000, sweeps.Sum(s => s.Checked));
        Assert.Equal(0, sweeps.Sum(s => s.Errors));
        await AssertOneCallbackEachAsync(jobs, expectedAttempts: 1);
        Assert.All(await Task.WhenAll(jobs.Select(j => h.ChecksAsync(j.JobId))), checks => Assert.Equal(1, checks));
    }

    [Fact]
    public async Task SweepAsync_SecondPollerReadsAfterTheFirstClaimed_ItSkipsTheLeasedJobsAndNoJobIsCalledBackTwice()
    {
        var jobs = await StartMixAsync(1000);
        var first = new GatedCallbacks(h.Callbacks) { Hold = true };

        // The first poller has claimed (and checked) at least one batch and waits at its first callback when the
        // second one reads the table: the interleaving, which without a lease let the second claim again.
        var slow = Task.Run(() => h.Poller(callbacks: first).SweepAsync(Ct), Ct);
        await first.Reached.WaitAsync(Ct);
        var second = await h.Poller().SweepAsync(Ct);
        first.Release();
        var firstSummary = await slow;

        Assert.Equal(1000, firstSummary.Checked + second.Checked);
        Assert.True(firstSummary.Checked > 0 && second.Checked > 0, $"first {firstSummary.Checked}, second {second.Checked}");
        Assert.Empty(h.StepFunctions.Rejected);
        await AssertOneCallbackEachAsync(jobs, expectedAttempts: 1);

        // The next sweep, a minute on, finishes the jobs that needed a second check, again once each.
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var third = await h.Poller().SweepAsync(Ct);
        Assert.Equal(jobs.Count(j => j.Scenario is Mix.CompleteOnSecondCheck), third.Completed);
        Assert.Empty(h.StepFunctions.Rejected);
        Assert.Equal(jobs.Count(j => j.Scenario != Mix.Never), h.StepFunctions.Accepted.Count);
    }

    private async Task<List<(int N, string JobId, Mix Scenario)>> StartMixAsync(int count)
    {
        var started = new (int, string, Mix)[count];
        await Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, async (n, _) =>
        {
            var mix = (Mix)(n % 4);
            var jobId = mix switch
            {
                Mix.CompleteOnFirstCheck => await h.StartAsync(n, JobScenario.Complete, checksToComplete: 1),
                Mix.FailOnFirstCheck => await h.StartAsync(n, JobScenario.Fail, checksToComplete: 1),
                Mix.CompleteOnSecondCheck => await h.StartAsync(n, JobScenario.Complete, checksToComplete: 2),
                _ => await h.StartAsync(n, JobScenario.Never, maxAttempts: 5),
            };
            started[n - 1] = (n, jobId, mix);
        });
        return [.. started];
    }

    private async Task AssertOneCallbackEachAsync(List<(int N, string JobId, Mix Scenario)> jobs, int expectedAttempts)
    {
        foreach (var (n, _, mix) in jobs)
        {
            var record = await h.RecordAsync(n);
            var callbacks = h.StepFunctions.AcceptedFor(Harness.Token(n));
            Assert.Equal(expectedAttempts, record.Attempts);
            switch (mix)
            {
                case Mix.CompleteOnFirstCheck:
                    Assert.Equal(TokenStatus.Completed, record.Status);
                    Assert.NotNull(Assert.Single(callbacks).Output);
                    break;
                case Mix.FailOnFirstCheck:
                    Assert.Equal(TokenStatus.Failed, record.Status);
                    Assert.Equal("JobFailed", Assert.Single(callbacks).Error);
                    break;
                default:
                    Assert.Equal(TokenStatus.Pending, record.Status);
                    Assert.Empty(callbacks);
                    break;
            }
        }
    }

    private enum Mix
    {
        Never = 0,
        CompleteOnFirstCheck = 1,
        FailOnFirstCheck = 2,
        CompleteOnSecondCheck = 3,
    }
}
