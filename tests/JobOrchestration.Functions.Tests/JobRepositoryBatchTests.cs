using JobOrchestration.Functions.Jobs;
using JobOrchestration.Functions.SimulatedApi;
using JobOrchestration.Functions.Tests.LocalCloudFakes;

namespace JobOrchestration.Functions.Tests;

/// <summary>DynamoDbJobRepository's batched check against LocalCloud's DynamoDB (TransactGetItems + TransactWriteItems).</summary>
public sealed class JobRepositoryBatchTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
    private LocalCloudHarness h = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => h = await LocalCloudHarness.StartAsync();

    public ValueTask DisposeAsync() => h.DisposeAsync();

    private Task<SimulatedJob> CreateAsync(string id, int checks = 0) =>
        h.Jobs.CreateAsync(new SimulatedJob(id, JobStatus.Running, JobScenario.Complete, 2, checks, Now, null), Ct);

    [Fact]
    public async Task RecordChecksAsync_KnownAndUnknownJobs_AddsOneCheckToEachKnownJobAndStoresItsNewStatus()
    {
        await CreateAsync("job-a");
        await CreateAsync("job-b", checks: 1);

        var jobs = await h.Jobs.RecordChecksAsync(["job-a", "job-missing", "job-b", "job-a"], Now.AddSeconds(5), j => j.Checks >= 2 ? JobStatus.Completed : JobStatus.Running, Ct);

        Assert.Equal([("job-a", 1, JobStatus.Running), ("job-b", 2, JobStatus.Completed)], jobs.Select(j => (j.JobId, j.Checks, j.Status)).Order());
        Assert.Equal(1, await h.ChecksAsync("job-a"));
        Assert.Equal(2, await h.ChecksAsync("job-b"));
        var stored = await h.Jobs.RecordCheckAsync("job-b", Now, Ct);
        Assert.Equal((3, JobStatus.Completed), (stored!.Checks, stored.Status));
    }

    [Fact]
    public async Task RecordChecksAsync_ACheckLandsBetweenTheReadAndTheWrite_NoCheckIsLost()
    {
        await CreateAsync("job-a");
        await CreateAsync("job-b");
        var raced = false;

        // The status callback runs after the batch read and before the transaction: a check slipped in there makes the
        // transaction's condition fail, and the repository must fall back rather than overwrite it.
        var jobs = await h.Jobs.RecordChecksAsync(["job-a", "job-b"], Now, j =>
        {
            if (!raced)
            {
                raced = true;
                h.Jobs.RecordCheckAsync("job-a", Now, Ct).GetAwaiter().GetResult();
            }

            return JobStatus.Running;
        }, Ct);

        Assert.True(raced);
        Assert.Equal(2, await h.ChecksAsync("job-a"));
        Assert.Equal(1, await h.ChecksAsync("job-b"));
        Assert.Equal([("job-a", 2), ("job-b", 1)], jobs.Select(j => (j.JobId, j.Checks)).Order());
    }

    [Fact]
    public async Task RecordChecksAsync_OnlyUnknownJobs_ReturnsNothingAndWritesNothing()
    {
        var jobs = await h.Jobs.RecordChecksAsync(["job-x", "job-y"], Now, _ => JobStatus.Running, Ct);

        Assert.Empty(jobs);
        Assert.Empty((await h.DynamoDb.ScanAsync(new Amazon.DynamoDBv2.Model.ScanRequest { TableName = h.Settings.JobsTable }, Ct)).Items);
    }
}
