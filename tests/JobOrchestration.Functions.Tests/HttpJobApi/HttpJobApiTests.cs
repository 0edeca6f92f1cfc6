using JobOrchestration.Functions.Jobs;
using JobOrchestration.Functions.Tests.Fakes;
using JobOrchestration.JobApi;
using Microsoft.Extensions.Time.Testing;

namespace JobOrchestration.Functions.Tests.HttpJobApi;

/// <summary>
/// The HTTP job-API client against the simulated job API served by Kestrel on a free port: the wire contract, and each
/// fault — slow, down, 5xx, a wrong key — with the retries, timeout and circuit breaker it meets. Backoff is zero and
/// timeouts run on a FakeTimeProvider, so nothing waits for real time to pass.
/// </summary>
public sealed class HttpJobApiTests : IAsyncLifetime
{
    private const string Key = "job-api-key";
    private readonly InMemoryJobRepository jobs = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private JobApiServer server = null!;

    public async ValueTask InitializeAsync() => server = await JobApiServer.StartAsync(jobs, apiKey: Key, cancellationToken: TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task CreateJob_SameIdempotencyKey_SameJob_AnotherKey_AnotherJob()
    {
        using var api = Client();
        var first = await api.CreateJobAsync(new JobRequest(JobScenario.Complete, 2, "token-a"), Ct);
        var again = await api.CreateJobAsync(new JobRequest(JobScenario.Complete, 2, "token-a"), Ct);
        var other = await api.CreateJobAsync(new JobRequest(JobScenario.Fail, 2, "token-b"), Ct);

        Assert.Equal(first.JobId, again.JobId);
        Assert.NotEqual(first.JobId, other.JobId);
        Assert.Equal((JobStatus.Running, JobScenario.Fail), (other.Status, other.Scenario));
        Assert.Equal(2, jobs.All.Count);
    }

    [Fact]
    public async Task CheckStatus_FollowsTheSimulatedRules_UntilCompleted()
    {
        using var api = Client();
        var job = await api.CreateJobAsync(new JobRequest(JobScenario.Complete, 2, "token-c"), Ct);

        var firstCheck = await api.CheckStatusAsync(job.JobId, Ct);
        var secondCheck = await api.CheckStatusAsync(job.JobId, Ct);

        Assert.Equal((JobStatus.Running, 1), (firstCheck.Status, firstCheck.Checks));
        Assert.Equal((JobStatus.Completed, 2), (secondCheck.Status, secondCheck.Checks));
    }

    [Fact]
    public async Task CheckStatuses_ReportsUnknownIdsAsErrors()
    {
        using var api = Client();
        var job = await api.CreateJobAsync(new JobRequest(JobScenario.Never, null, "token-d"), Ct);

        var batch = await api.CheckStatusesAsync([job.JobId, "no-such-job"], Ct);

        Assert.Equal(job.JobId, Assert.Single(batch.Jobs).JobId);
        Assert.Equal(("no-such-job", "UnknownJob"), (Assert.Single(batch.Errors).JobId, batch.Errors[0].ErrorType));
    }

    [Fact]
    public async Task ServerError_TwiceThenAnswered_RetriedToSuccess_NoJobCountedTwice()
    {
        using var api = Client();
        var job = await api.CreateJobAsync(new JobRequest(JobScenario.Complete, 5, "token-e"), Ct);
        server.Faults.Set(JobApiFaultMode.ServerError, 2);
        var before = server.Faults.Requests;

        var report = await api.CheckStatusAsync(job.JobId, Ct);

        Assert.Equal(3, server.Faults.Requests - before);
        // Only the answered attempt reached the job: a 503 never counts a check.
        Assert.Equal(1, report.Checks);
    }

    [Fact]
    public async Task Down_ConnectionDroppedTwice_RetriedToSuccess_CreateMakesOneJob()
    {
        using var api = Client();
        server.Faults.Set(JobApiFaultMode.Down, 2);

        var created = await api.CreateJobAsync(new JobRequest(JobScenario.Complete, 2, "token-f"), Ct);

        Assert.Equal(3, server.Faults.Requests);
        Assert.Equal(created.JobId, Assert.Single(jobs.All).JobId);
    }

    [Fact]
    public async Task ServerError_Persisting_FailsAsJobApiFailed_AfterEveryRetry()
    {
        using var api = Client();
        server.Faults.Set(JobApiFaultMode.ServerError, 100);

        var failure = await Assert.ThrowsAsync<JobApiFailed>(() => api.CheckStatusAsync("any", Ct));

        Assert.Contains("503", failure.Message, StringComparison.Ordinal);
        Assert.Equal(4, server.Faults.Requests);
    }

    [Fact]
    public async Task Slow_AttemptTimesOut_RetriedToSuccess()
    {
        using var api = Client();
        var job = await api.CreateJobAsync(new JobRequest(JobScenario.Complete, 5, "token-g"), Ct);
        server.Faults.Set(JobApiFaultMode.Slow, 1, slowDelay: TimeSpan.FromMinutes(10));
        var before = server.Faults.Requests;

        var check = api.CheckStatusAsync(job.JobId, Ct);
        await UntilAsync(() => server.Faults.Faulted == 1);
        clock.Advance(TimeSpan.FromSeconds(3));
        var report = await check.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(2, server.Faults.Requests - before);
        Assert.Equal(JobStatus.Running, report.Status);
    }

    [Fact]
    public async Task WrongKey_IsNotRetried_AndFails()
    {
        using var api = Client(key: "wrong");

        var failure = await Assert.ThrowsAsync<JobApiFailed>(() => api.CheckStatusAsync("any", Ct));

        Assert.Contains("401", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Faults.Requests);
    }

    [Fact]
    public async Task CircuitBreaker_OpensAfterFailures_RefusesWithoutSending_ThenProbesAfterTheBreak()
    {
        using var api = Client(maxRetries: 0, breakerMinimumThroughput: 2);
        server.Faults.Set(JobApiFaultMode.ServerError, 2);
        await Assert.ThrowsAsync<JobApiFailed>(() => api.CheckStatusAsync("any", Ct));
        await Assert.ThrowsAsync<JobApiFailed>(() => api.CheckStatusAsync("any", Ct));

        var refused = await Assert.ThrowsAsync<JobApiFailed>(() => api.CreateJobAsync(new JobRequest(JobScenario.Complete, 1, "token-h"), Ct));
        Assert.Contains("circuit is open", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Faults.Requests);
        Assert.Empty(jobs.All);

        clock.Advance(TimeSpan.FromSeconds(15));
        var created = await api.CreateJobAsync(new JobRequest(JobScenario.Complete, 1, "token-h"), Ct);
        Assert.Equal(created.JobId, Assert.Single(jobs.All).JobId);
    }

    [Fact]
    public async Task CircuitBreaker_EveryCallFailingOnceThenRetried_StaysClosed()
    {
        using var api = Client();
        server.Faults.Set(JobApiFaultMode.ServerError, 8, faultTarget: JobApiFaultTarget.FirstAttemptOfCreates);

        // 8 calls, 16 attempts, half failed: each failure is one the retry heals, which is no reason to stop calling.
        for (var i = 0; i < 8; i++)
        {
            await api.CreateJobAsync(new JobRequest(JobScenario.Complete, 1, $"token-once-{i}"), Ct);
        }

        Assert.Equal((8, 16), (server.Faults.Faulted, server.Faults.Requests));
        Assert.Equal(8, jobs.All.Count);
    }

    [Fact]
    public async Task Faults_AimedAtTheFirstAttemptOfCreates_SpareRetriesAndChecks()
    {
        using var api = Client(maxRetries: 0);
        var job = await api.CreateJobAsync(new JobRequest(JobScenario.Complete, 5, "token-i"), Ct);
        server.Faults.Set(JobApiFaultMode.ServerError, 2, faultTarget: JobApiFaultTarget.FirstAttemptOfCreates);

        await api.CheckStatusAsync(job.JobId, Ct);
        await Assert.ThrowsAsync<JobApiFailed>(() => api.CreateJobAsync(new JobRequest(JobScenario.Complete, 1, "token-j"), Ct));
        await api.CreateJobAsync(new JobRequest(JobScenario.Complete, 1, "token-j"), Ct);
        await Assert.ThrowsAsync<JobApiFailed>(() => api.CreateJobAsync(new JobRequest(JobScenario.Complete, 1, "token-k"), Ct));
        await api.CreateJobAsync(new JobRequest(JobScenario.Complete, 1, "token-l"), Ct);

        Assert.Equal(2, server.Faults.Faulted);
        Assert.Equal(3, jobs.All.Count);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("https://jobs.example/v1/", "https://jobs.example/v1/")]
    public void Options_FromVariables_ReadsJobApiUrl(string? url, string? expected)
        => Assert.Equal(expected, HttpJobApiOptions.FromVariables(name => name == "JOB_API_URL" ? url : null)?.BaseUrl.ToString());

    [Fact]
    public void Options_FromVariables_RefusesANonHttpUrl()
        => Assert.Throws<InvalidOperationException>(() => HttpJobApiOptions.FromVariables(name => name == "JOB_API_URL" ? "ftp://x" : null));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Jobs.HttpJobApi Client(string key = Key, int maxRetries = 3, int breakerMinimumThroughput = 6) => new(new HttpJobApiOptions
    {
        BaseUrl = server.BaseUrl,
        ApiKey = key,
        MaxRetries = maxRetries,
        RetryBaseDelay = TimeSpan.Zero,
        BreakerMinimumThroughput = breakerMinimumThroughput,
        Time = clock,
    });

    // Waits for the server to have seen a request; the client's fake clock must not move before its attempt timer exists.
    private static async Task UntilAsync(Func<bool> condition)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(5, guard.Token);
        }
    }
}
