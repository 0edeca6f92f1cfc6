using System.Text.Json.Nodes;
using JobOrchestration.Functions.Common;
using JobOrchestration.Functions.CreateJob;
using JobOrchestration.Functions.Jobs;
using JobOrchestration.Functions.Tests.Fakes;
using JobOrchestration.Functions.Tokens;

namespace JobOrchestration.Functions.Tests;

public class CreateJobFunctionTests
{
    private readonly Harness h = new();

    private CreateJobFunction Function() => new(h.JobApi, h.Tokens, h.Settings, h.Time, h.Log);

    private static JsonObject Payload(string token, string execution, JsonObject input) =>
        new() { ["taskToken"] = token, ["executionId"] = execution, ["input"] = input };

    [Fact]
    public async Task HandleAsync_FirstInvocation_StartsTheJobAndStoresAPendingRecord()
    {
        var input = new JsonObject { ["scenario"] = "complete", ["checksToComplete"] = 2, ["maxAttempts"] = 4, ["pollingTimeoutSeconds"] = 120 };

        var response = await StreamJson.ReadAsync(await Function().HandleAsync(StreamJson.Of(Payload(Harness.Token(1), Harness.Execution(1), input))));

        var record = Assert.Single(h.Tokens.All);
        var job = Assert.Single(h.Jobs.All);
        Assert.Equal(job.JobId, response["jobId"]!.GetValue<string>());
        Assert.Equal("PENDING", response["status"]!.GetValue<string>());
        Assert.Equal(Harness.Execution(1), record.ExecutionArn);
        Assert.Equal(job.JobId, record.JobId);
        Assert.Equal(Harness.Token(1), record.TaskToken);
        Assert.Equal(TokenStatus.Pending, record.Status);
        Assert.Equal(0, record.Attempts);
        Assert.Equal(4, record.MaxAttempts);
        Assert.Equal(h.Time.GetUtcNow().AddSeconds(120), record.Deadline);
        Assert.Equal(h.Time.GetUtcNow(), record.CreatedAt);
        Assert.Equal(Harness.Execution(1), job.ClientToken);
        Assert.Equal(2, job.ChecksToComplete);
        Assert.Equal(["poc-simulated-api"], h.Invoker.FunctionNames);
    }

    [Fact]
    public async Task HandleAsync_NoLimitsInInput_UsesTheConfiguredDefaults()
    {
        await Function().HandleAsync(StreamJson.Of(Payload(Harness.Token(1), Harness.Execution(1), new JsonObject { ["scenario"] = "never" })));

        var record = Assert.Single(h.Tokens.All);
        Assert.Equal(h.Settings.DefaultMaxAttempts, record.MaxAttempts);
        Assert.Equal(h.Time.GetUtcNow().AddSeconds(h.Settings.DefaultPollingTimeoutSeconds), record.Deadline);
    }

    [Fact]
    public async Task StartAsync_SameExecutionAndTokenTwice_KeepsOneRecordAndOneJob()
    {
        var first = await h.StartAsync(Harness.Execution(1), Harness.Token(1), JobScenario.Complete);
        h.Time.Advance(TimeSpan.FromSeconds(3));
        var second = await h.StartAsync(Harness.Execution(1), Harness.Token(1), JobScenario.Complete);

        Assert.Equal(TokenRegistration.Created, first.Registration);
        Assert.Equal(TokenRegistration.Unchanged, second.Registration);
        Assert.Equal(first.JobId, second.JobId);
        Assert.Single(h.Tokens.All);
        Assert.Single(h.Jobs.All);
        Assert.Equal(first.JobId, h.Tokens[Harness.Execution(1)].JobId);
    }

    [Fact]
    public async Task StartAsync_TaskRetriedWithANewToken_ReplacesTheTokenAndReusesTheJob()
    {
        var first = await h.StartAsync(Harness.Execution(1), Harness.Token(1), JobScenario.Complete);
        h.Time.Advance(TimeSpan.FromSeconds(3));
        var retried = await h.StartAsync(Harness.Execution(1), Harness.Token(2), JobScenario.Complete);

        Assert.Equal(TokenRegistration.TokenReplaced, retried.Registration);
        Assert.Equal(first.JobId, retried.JobId);
        var record = Assert.Single(h.Tokens.All);
        Assert.Equal(Harness.Token(2), record.TaskToken);
        Assert.Equal(TokenStatus.Pending, record.Status);
        Assert.Equal(h.Time.GetUtcNow(), record.UpdatedAt);
        Assert.Single(h.Jobs.All);
    }

    [Fact]
    public async Task StartAsync_NewTokenForAClosedRecord_FailsClearlyInsteadOfWaitingForever()
    {
        await h.StartAsync(Harness.Execution(1), Harness.Token(1), JobScenario.Complete);
        var closed = h.Tokens[Harness.Execution(1)] with { Status = TokenStatus.Completed };
        h.Tokens.Put(closed);

        var error = await Assert.ThrowsAsync<TokenRecordClosed>(() => h.StartAsync(Harness.Execution(1), Harness.Token(2), JobScenario.Complete));

        Assert.Contains("COMPLETED", error.Message, StringComparison.Ordinal);
        Assert.Equal(Harness.Token(1), h.Tokens[Harness.Execution(1)].TaskToken);
    }

    [Fact]
    public async Task StartAsync_TokenReplaced_LogsOnlyRedactedTokens()
    {
        await h.StartAsync(Harness.Execution(1), Harness.Token(1), JobScenario.Complete);
        await h.StartAsync(Harness.Execution(1), Harness.Token(2), JobScenario.Complete);

        Assert.NotEmpty(h.Log.Lines);
        Assert.DoesNotContain(h.Log.Lines, line => line.Contains("secret", StringComparison.Ordinal));
        Assert.Contains(h.Log.Lines, line => line.Contains("TOKEN002…", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"executionId":"arn:e","input":{"scenario":"complete"}}""", "taskToken")]
    [InlineData("""{"taskToken":"","executionId":"arn:e","input":{"scenario":"complete"}}""", "taskToken")]
    [InlineData("""{"taskToken":"t","input":{"scenario":"complete"}}""", "executionId")]
    [InlineData("""{"taskToken":"t","executionId":"arn:e"}""", "input")]
    [InlineData("""{"taskToken":"t","executionId":"arn:e","input":{}}""", "input.scenario")]
    [InlineData("""{"taskToken":"t","executionId":"arn:e","input":{"scenario":"maybe"}}""", "input.scenario")]
    [InlineData("""{"taskToken":"t","executionId":"arn:e","input":{"scenario":"never","maxAttempts":0}}""", "input.maxAttempts")]
    [InlineData("""{"taskToken":"t","executionId":"arn:e","input":{"scenario":"never","pollingTimeoutSeconds":-5}}""", "input.pollingTimeoutSeconds")]
    public async Task HandleAsync_InvalidPayload_ThrowsInvalidPayloadAndStoresNothing(string payload, string field)
    {
        var error = await Assert.ThrowsAsync<InvalidPayload>(() => Function().HandleAsync(StreamJson.Of(payload)));

        Assert.Contains($"'{field}'", error.Message, StringComparison.Ordinal);
        Assert.Empty(h.Tokens.All);
        Assert.Empty(h.Jobs.All);
    }

    [Fact]
    public async Task HandleAsync_JobApiFails_ThrowsJobApiFailedAndStoresNoRecord()
    {
        var function = new CreateJobFunction(new LambdaJobApi(new ThrowingInvoker(), "poc-simulated-api"), h.Tokens, h.Settings, h.Time, h.Log);

        await Assert.ThrowsAsync<JobApiFailed>(() =>
            function.HandleAsync(StreamJson.Of(Payload(Harness.Token(1), Harness.Execution(1), new JsonObject { ["scenario"] = "complete" }))));

        Assert.Empty(h.Tokens.All);
    }

    private sealed class ThrowingInvoker : IFunctionInvoker
    {
        public Task<byte[]> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellationToken) =>
            throw new JobApiFailed($"{functionName} failed (Unhandled): {{\"errorType\":\"Boom\"}}");
    }
}
