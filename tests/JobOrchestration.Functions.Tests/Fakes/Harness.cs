using JobOrchestration.Functions.Common;
using JobOrchestration.Functions.CreateJob;
using JobOrchestration.Functions.Jobs;
using JobOrchestration.Functions.Poller;
using Microsoft.Extensions.Time.Testing;

namespace JobOrchestration.Functions.Tests.Fakes;

/// <summary>The three functions wired to in-memory tables, an in-process job API and recorded callbacks.</summary>
internal sealed class Harness
{
    public Harness()
    {
        Api = new SimulatedApiFunction(Jobs, Time);
        Invoker = new SimulatedApiInvoker(Api);
        JobApi = new LambdaJobApi(Invoker, Settings.SimulatedApiFunction);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));

    public FunctionSettings Settings { get; } = new() { DefaultMaxAttempts = 5, DefaultPollingTimeoutSeconds = 600 };

    public InMemoryJobRepository Jobs { get; } = new();

    public InMemoryTokenStore Tokens { get; } = new();

    public RecordingCallbacks Callbacks { get; } = new();

    public RecordingLog Log { get; } = new();

    public SimulatedApiFunction Api { get; }

    public SimulatedApiInvoker Invoker { get; }

    public IJobApi JobApi { get; }

    public JobStarter Starter() => new(JobApi, Tokens, Settings, Time, Log);

    public JobPoller Poller() => new(Tokens, JobApi, Callbacks, Time, Log);

    public Task<(string JobId, TokenRegistration Registration)> StartAsync(
        string execution, string token, JobScenario scenario, int checksToComplete = 2, int? maxAttempts = null, int? pollingTimeoutSeconds = null) =>
        Starter().StartAsync(
            new CreateJobRequest(token, execution, scenario, checksToComplete, maxAttempts, pollingTimeoutSeconds),
            TestContext.Current.CancellationToken);

    public static string Execution(int n) => $"arn:aws:states:us-east-1:000000000000:execution:poc-callback-workflow:run-{n}";

    // Long enough that a test can tell the redacted prefix from the secret rest.
    public static string Token(int n) => $"TOKEN{n:000}-secret-rest-of-the-task-token-{n}";
}
