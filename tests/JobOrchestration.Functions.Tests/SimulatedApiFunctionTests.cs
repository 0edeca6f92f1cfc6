using System.Text.Json.Nodes;
using JobOrchestration.Functions.Common;
using JobOrchestration.Functions.Jobs;
using JobOrchestration.Functions.SimulatedApi;
using JobOrchestration.Functions.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace JobOrchestration.Functions.Tests;

public class SimulatedApiFunctionTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryJobRepository jobs = new();

    private SimulatedApiFunction Function() => new(jobs, time);

    private async Task<JsonObject> CallAsync(string json) => await StreamJson.ReadAsync(await Function().HandleAsync(StreamJson.Of(json)));

    private async Task<string> CreateAsync(string scenario, int checks)
    {
        var created = await CallAsync($$"""{"action":"CREATE_JOB","scenario":"{{scenario}}","checksToComplete":{{checks}}}""");
        return created["jobId"]!.GetValue<string>();
    }

    private Task<JsonObject> CheckAsync(string jobId) => CallAsync($$"""{"action":"CHECK_STATUS","jobId":"{{jobId}}"}""");

    [Fact]
    public async Task HandleAsync_CreateJob_ReturnsRunningJobAndStoresIt()
    {
        var created = await CallAsync("""{"action":"CREATE_JOB","scenario":"complete","checksToComplete":3}""");

        Assert.StartsWith("job-", created["jobId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("RUNNING", created["status"]!.GetValue<string>());
        Assert.Equal("complete", created["scenario"]!.GetValue<string>());
        Assert.Equal("2026-01-15T12:00:00.000Z", created["createdAt"]!.GetValue<string>());
        var stored = Assert.Single(jobs.All);
        Assert.Equal(3, stored.ChecksToComplete);
        Assert.Equal(0, stored.Checks);
    }

    [Fact]
    public async Task HandleAsync_SameClientTokenTwice_ReturnsTheSameJobAndStoresOne()
    {
        const string request = """{"action":"CREATE_JOB","scenario":"never","clientToken":"arn:aws:states:us-east-1:000000000000:execution:sm:one"}""";
        var first = await CallAsync(request);
        time.Advance(TimeSpan.FromSeconds(5));
        var second = await CallAsync(request);

        Assert.Equal(first["jobId"]!.GetValue<string>(), second["jobId"]!.GetValue<string>());
        Assert.Equal(first["createdAt"]!.GetValue<string>(), second["createdAt"]!.GetValue<string>());
        Assert.Single(jobs.All);
    }

    [Fact]
    public async Task HandleAsync_DifferentClientTokens_CreateDifferentJobs()
    {
        await CallAsync("""{"action":"CREATE_JOB","scenario":"never","clientToken":"a"}""");
        await CallAsync("""{"action":"CREATE_JOB","scenario":"never","clientToken":"b"}""");
        await CallAsync("""{"action":"CREATE_JOB","scenario":"never"}""");

        Assert.Equal(3, jobs.All.Select(j => j.JobId).Distinct().Count());
    }

    [Fact]
    public async Task HandleAsync_CompleteScenario_RunsUntilTheNthCheckThenCompletesWithResult()
    {
        var jobId = await CreateAsync("complete", 3);

        var first = await CheckAsync(jobId);
        var second = await CheckAsync(jobId);
        time.Advance(TimeSpan.FromSeconds(90));
        var third = await CheckAsync(jobId);

        Assert.Equal(["RUNNING", "RUNNING"], new[] { first, second }.Select(r => r["status"]!.GetValue<string>()));
        Assert.Equal(1, first["checks"]!.GetValue<int>());
        Assert.Null(first["result"]);
        Assert.Equal("COMPLETED", third["status"]!.GetValue<string>());
        Assert.Equal(3, third["checks"]!.GetValue<int>());
        Assert.Equal(90, third["elapsedSeconds"]!.GetValue<long>());
        Assert.Equal(3000, third["result"]!["recordsProcessed"]!.GetValue<int>());
        Assert.Contains(jobId, third["result"]!["outputLocation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(JobStatus.Completed, Assert.Single(jobs.All).Status);
    }

    [Fact]
    public async Task HandleAsync_FailScenario_FailsWithAnErrorAtTheNthCheck()
    {
        var jobId = await CreateAsync("fail", 2);

        var first = await CheckAsync(jobId);
        var second = await CheckAsync(jobId);

        Assert.Equal("RUNNING", first["status"]!.GetValue<string>());
        Assert.Equal("FAILED", second["status"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(second["error"]!.GetValue<string>()));
        Assert.Null(second["result"]);
    }

    [Fact]
    public async Task HandleAsync_NeverScenario_StaysRunningForever()
    {
        var jobId = await CreateAsync("never", 1);

        JsonObject last = [];
        for (var i = 0; i < 25; i++)
        {
            last = await CheckAsync(jobId);
        }

        Assert.Equal("RUNNING", last["status"]!.GetValue<string>());
        Assert.Equal(25, last["checks"]!.GetValue<int>());
    }

    [Fact]
    public async Task HandleAsync_NoChecksToComplete_DefaultsToTwo()
    {
        var created = await CallAsync("""{"action":"CREATE_JOB","scenario":"complete"}""");
        var jobId = created["jobId"]!.GetValue<string>();

        Assert.Equal("RUNNING", (await CheckAsync(jobId))["status"]!.GetValue<string>());
        Assert.Equal("COMPLETED", (await CheckAsync(jobId))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_UnknownJob_ThrowsUnknownJob()
    {
        var error = await Assert.ThrowsAsync<UnknownJob>(() => CheckAsync("job-missing"));

        Assert.Contains("job-missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_CheckStatusBatch_CountsOneCheckPerDistinctJobAndReportsUnknownOnesAsErrors()
    {
        var done = await CreateAsync("complete", 1);
        var running = await CreateAsync("complete", 2);
        var failed = await CreateAsync("fail", 1);
        time.Advance(TimeSpan.FromSeconds(30));

        var answer = await CallAsync($$"""{"action":"CHECK_STATUS_BATCH","jobIds":["{{done}}","{{running}}","job-missing","{{failed}}","{{done}}"]}""");

        var reports = answer["jobs"]!.AsArray().Select(j => JobStatusReport.FromJson(j!.AsObject())).ToDictionary(r => r.JobId);
        Assert.Equal([done, running, failed], reports.Keys);
        Assert.Equal((JobStatus.Completed, 1, 30L), (reports[done].Status, reports[done].Checks, reports[done].ElapsedSeconds));
        Assert.Equal(1000, reports[done].Result!["recordsProcessed"]!.GetValue<int>());
        Assert.Equal((JobStatus.Running, 1), (reports[running].Status, reports[running].Checks));
        Assert.Equal(JobStatus.Failed, reports[failed].Status);
        Assert.False(string.IsNullOrWhiteSpace(reports[failed].Error));
        var error = Assert.Single(answer["errors"]!.AsArray())!;
        Assert.Equal(("job-missing", "UnknownJob"), (error["jobId"]!.GetValue<string>(), error["errorType"]!.GetValue<string>()));
        Assert.All(jobs.All, j => Assert.Equal(1, j.Checks));
        Assert.Equal(JobStatus.Completed, jobs.All.Single(j => j.JobId == done).Status);
    }

    [Fact]
    public async Task HandleAsync_CheckStatusBatchThenSingleChecks_BothCountTowardsTheSameJob()
    {
        var jobId = await CreateAsync("complete", 3);

        await CallAsync($$"""{"action":"CHECK_STATUS_BATCH","jobIds":["{{jobId}}"]}""");
        await CheckAsync(jobId);
        var third = await CallAsync($$"""{"action":"CHECK_STATUS_BATCH","jobIds":["{{jobId}}"]}""");

        Assert.Equal("COMPLETED", third["jobs"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(3, third["jobs"]![0]!["checks"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"action":"CHECK_STATUS_BATCH"}""", "jobIds")]
    [InlineData("""{"action":"CHECK_STATUS_BATCH","jobIds":[]}""", "jobIds")]
    [InlineData("""{"action":"CHECK_STATUS_BATCH","jobIds":"job-1"}""", "jobIds")]
    [InlineData("""{"action":"CHECK_STATUS_BATCH","jobIds":["job-1",7]}""", "non-empty strings")]
    [InlineData("""{"action":"CHECK_STATUS_BATCH","jobIds":["job-1",""]}""", "non-empty strings")]
    public async Task HandleAsync_BadCheckStatusBatch_ThrowsInvalidPayload(string payload, string expectedInMessage)
    {
        var error = await Assert.ThrowsAsync<InvalidPayload>(() => CallAsync(payload));

        Assert.Contains(expectedInMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_CheckStatusBatchOverTheLimit_ThrowsInvalidPayloadNamingIt()
    {
        var ids = string.Join(',', Enumerable.Range(0, JobStatusBatch.MaxJobs + 1).Select(i => $"\"job-{i}\""));

        var error = await Assert.ThrowsAsync<InvalidPayload>(() => CallAsync($$"""{"action":"CHECK_STATUS_BATCH","jobIds":[{{ids}}]}"""));

        Assert.Contains("at most 100", error.Message, StringComparison.Ordinal);
        Assert.Empty(jobs.All);
    }

    [Theory]
    [InlineData("""{"action":"DELETE_JOB"}""", "DELETE_JOB")]
    [InlineData("""{"scenario":"complete"}""", "required")]
    [InlineData("""{"action":42}""", "required")]
    public async Task HandleAsync_UnknownOrMissingAction_ThrowsUnknownAction(string payload, string expectedInMessage)
    {
        var error = await Assert.ThrowsAsync<UnknownAction>(() => CallAsync(payload));

        Assert.Contains(expectedInMessage, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"action":"CREATE_JOB","scenario":"sometimes"}""", "scenario")]
    [InlineData("""{"action":"CREATE_JOB"}""", "scenario")]
    [InlineData("""{"action":"CREATE_JOB","scenario":"complete","checksToComplete":0}""", "checksToComplete")]
    [InlineData("""{"action":"CREATE_JOB","scenario":"complete","checksToComplete":"2"}""", "checksToComplete")]
    [InlineData("""{"action":"CHECK_STATUS"}""", "jobId")]
    [InlineData("""[1,2]""", "object")]
    [InlineData("""not json""", "JSON")]
    public async Task HandleAsync_BadPayload_ThrowsInvalidPayloadNamingTheField(string payload, string field)
    {
        var error = await Assert.ThrowsAsync<InvalidPayload>(() => CallAsync(payload));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }
}
