using System.Net;
using Aws.Clients.StepFunctions;
using Aws.Clients.Tests.Support;

namespace Aws.Clients.Tests.Runtime;

public sealed class RetryTests
{
    private readonly TestClients clients = new();

    private static SendTaskHeartbeatRequest Heartbeat => new() { TaskToken = "tok" };

    [Fact]
    public async Task Send_ThrottledTwiceThenOk_ReturnsResultAfterThreeSignedAttempts()
    {
        clients.Handler
            .Respond(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}""")
            .Respond(HttpStatusCode.BadRequest, """{"__type":"com.amazonaws#ThrottlingException","message":"Rate exceeded"}""")
            .Respond(HttpStatusCode.OK, """{"executionArn":"e","startDate":1}""");

        var response = await new StepFunctionsClient(clients.Config()).StartExecutionAsync(
            new StartExecutionRequest { StateMachineArn = "arn" }, TestContext.Current.CancellationToken);

        Assert.Equal("e", response.ExecutionArn);
        Assert.Equal(3, clients.Handler.Requests.Count);
        Assert.Equal(2, clients.Delays.Count);
        Assert.Equal(3, clients.Handler.Requests.Select(r => r.Header("X-Amz-Date")).Distinct().Count());
        Assert.All(clients.Handler.Requests, r => TestClients.AssertValidSignature(r, "states"));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, """{"__type":"ServiceException"}""")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "<html>busy</html>")]
    [InlineData(HttpStatusCode.TooManyRequests, """{"message":"slow"}""")]
    [InlineData(HttpStatusCode.BadRequest, """{"__type":"ProvisionedThroughputExceededException"}""")]
    public async Task Send_RetryableThenOk_Retries(HttpStatusCode status, string body)
    {
        clients.Handler.Respond(status, body).Respond(HttpStatusCode.OK, "{}");

        await new StepFunctionsClient(clients.Config()).SendTaskHeartbeatAsync(Heartbeat, TestContext.Current.CancellationToken);

        Assert.Equal(2, clients.Handler.Requests.Count);
    }

    [Fact]
    public async Task Send_ValidationError_IsNotRetried()
    {
        clients.Handler.Respond(HttpStatusCode.BadRequest, """{"__type":"InvalidToken","message":"Invalid Token: 'tok'"}""");

        var error = await Assert.ThrowsAsync<AwsApiException>(() => new StepFunctionsClient(clients.Config()).SendTaskHeartbeatAsync(Heartbeat, TestContext.Current.CancellationToken));

        Assert.Equal("InvalidToken", error.ErrorCode);
        Assert.Single(clients.Handler.Requests);
        Assert.Empty(clients.Delays);
    }

    [Fact]
    public async Task Send_AlwaysThrottled_GivesUpAfterMaxRetriesPlusOneAttempts()
    {
        clients.Handler.Respond(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}""");

        var error = await Assert.ThrowsAsync<AwsApiException>(() => new StepFunctionsClient(clients.Config(maxRetries: 3)).SendTaskHeartbeatAsync(Heartbeat, TestContext.Current.CancellationToken));

        Assert.Equal("ThrottlingException", error.ErrorCode);
        Assert.Equal(4, clients.Handler.Requests.Count);
        Assert.Equal(3, clients.Delays.Count);
    }

    [Fact]
    public async Task Send_NetworkErrorThenOk_Retries()
    {
        clients.Handler.Throw(new HttpRequestException("connection refused")).Respond(HttpStatusCode.OK, "{}");

        await new StepFunctionsClient(clients.Config()).SendTaskHeartbeatAsync(Heartbeat, TestContext.Current.CancellationToken);

        Assert.Equal(2, clients.Handler.Requests.Count);
    }

    [Fact]
    public async Task Send_RetriesDisabled_SurfacesNetworkError()
    {
        clients.Handler.Throw(new HttpRequestException("connection refused"));

        await Assert.ThrowsAsync<HttpRequestException>(() => new StepFunctionsClient(clients.Config(maxRetries: 0)).SendTaskHeartbeatAsync(Heartbeat, TestContext.Current.CancellationToken));

        Assert.Single(clients.Handler.Requests);
    }

    [Fact]
    public async Task Send_CancelledDuringBackoff_StopsWithoutAnotherAttempt()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        clients.Handler.Respond(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException"}""");
        var config = clients.Config();
        config.RetryDelay = null; // the real backoff: Task.Delay on the fake clock, which never advances here

        var call = new StepFunctionsClient(config).SendTaskHeartbeatAsync(Heartbeat, cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(clients.Handler.Requests);
    }

    [Fact]
    public async Task Send_BackoffOnFakeClock_WaitsUntilTimeAdvances()
    {
        clients.Handler.Respond(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException"}""").Respond(HttpStatusCode.OK, "{}");
        var config = clients.Config();
        config.RetryDelay = null;

        var call = new StepFunctionsClient(config).SendTaskHeartbeatAsync(Heartbeat, TestContext.Current.CancellationToken);

        Assert.False(call.IsCompleted);
        // Advance in small steps until the retry fires; the first step suffices since full jitter stays below the base delay.
        for (var step = 0; step < 100 && !call.IsCompleted; step++)
        {
            clients.Time.Advance(config.RetryBaseDelay);
            await Task.Yield();
        }

        await call.WaitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, clients.Handler.Requests.Count);
    }

    [Fact]
    public async Task Send_AttemptExceedsTimeout_ThrowsTimeoutException()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        clients.Handler.Respond(async (_, ct) =>
        {
            entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        var config = clients.Config(maxRetries: 0);
        config.Timeout = TimeSpan.FromSeconds(10);

        var call = new StepFunctionsClient(config).SendTaskHeartbeatAsync(Heartbeat, TestContext.Current.CancellationToken);
        await entered.Task.WaitAsync(TestContext.Current.CancellationToken);
        clients.Time.Advance(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Contains("timed out after 10 s", error.Message, StringComparison.Ordinal);
    }
}
