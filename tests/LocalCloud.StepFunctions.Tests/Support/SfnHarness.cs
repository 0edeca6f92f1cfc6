using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.Core.Persistence;
using LocalCloud.Core.Usage;
using LocalCloud.StepFunctions.Engine;
using Microsoft.Extensions.Time.Testing;

namespace LocalCloud.StepFunctions.Tests.Support;

/// <summary>A service on a fake clock, driven through the awsJson dispatcher as a client would drive it.</summary>
public sealed class SfnHarness : IAsyncDisposable
{
    public const string Role = "arn:aws:iam::000000000000:role/sfn";

    public static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A service on its own fake clock (starting at <paramref name="now"/>), over <paramref name="durable"/> when given.
    /// <paramref name="script"/> sets the fakes up before the service exists, since a restarted one may call them at once.
    /// </summary>
    public SfnHarness(IDurableStore? durable = null, DateTimeOffset? now = null, Action<SfnHarness>? script = null, ExecutionRetention? retention = null,
        Mocks.MockConfigSource? mocks = null, Core.Ports.IAwsSdkInvoker? awsSdk = null)
    {
        Durable = durable;
        Retention = retention;
        Time = new FakeTimeProvider(now ?? Epoch);
        script?.Invoke(this);
        Service = new StepFunctionsService(Time, Lambda, Usage, null, DynamoDb, durable, retention, mocks, awsSdk);
    }

    public IDurableStore? Durable { get; }

    public ExecutionRetention? Retention { get; }

    public FakeTimeProvider Time { get; }

    public FakeLambda Lambda { get; } = new();

    public FakeDynamoDb DynamoDb { get; } = new();

    public UsageMeter Usage { get; } = new();

    public StepFunctionsService Service { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Calls an operation; returns the HTTP status and the parsed body.</summary>
    public async Task<(int Status, JsonObject Body)> CallAsync(string operation, object body)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-Amz-Target"] = "AWSStepFunctions." + operation,
            ["Content-Type"] = "application/x-amz-json-1.0",
        };
        var bytes = body is string s ? Encoding.UTF8.GetBytes(s) : JsonSerializer.SerializeToUtf8Bytes(body);
        var request = new ServiceRequest("POST", "/", new Dictionary<string, string>(), headers, bytes, new RequestContext("000000000000", "us-east-1", "req"));
        var response = await Service.HandleAsync(request, Ct);
        var parsed = response.Body.IsEmpty ? new JsonObject() : JsonNode.Parse(response.Body.Span)!.AsObject();
        return (response.Status, parsed);
    }

    public async Task<JsonObject> OkAsync(string operation, object body)
    {
        var (status, json) = await CallAsync(operation, body);
        Assert.True(status == 200, $"{operation} answered {status}: {json.ToJsonString()}");
        return json;
    }

    /// <summary>Calls an operation that must fail; returns the error code after '#'.</summary>
    public async Task<(string Code, string Message)> ErrorAsync(string operation, object body)
    {
        var (status, json) = await CallAsync(operation, body);
        Assert.True(status >= 400, $"{operation} should fail but answered {status}: {json.ToJsonString()}");
        var type = json["__type"]!.GetValue<string>();
        return (type[(type.IndexOf('#', StringComparison.Ordinal) + 1)..], json["message"]?.GetValue<string>() ?? string.Empty);
    }

    public async Task<string> CreateAsync(string definition, string name = "sm")
        => (await OkAsync("CreateStateMachine", new { name, definition, roleArn = Role }))["stateMachineArn"]!.GetValue<string>();

    public async Task<string> StartAsync(string stateMachineArn, string input = "{}", string? name = null)
        => (await OkAsync("StartExecution", new { stateMachineArn, input, name }))["executionArn"]!.GetValue<string>();

    public Task<ExecutionSnapshot> FinishedAsync(string executionArn) => Service.WaitForExecutionAsync(executionArn, Ct);

    public Task IdleAsync(string executionArn) => Service.WaitForIdleAsync(executionArn, Ct);

    /// <summary>Runs to the end, advancing the clock whenever the execution parks on a timer.</summary>
    public async Task<ExecutionSnapshot> RunToEndAsync(string executionArn, TimeSpan step)
    {
        var finished = FinishedAsync(executionArn);
        for (var i = 0; i < 1000 && !finished.IsCompleted; i++)
        {
            await IdleAsync(executionArn);
            if (!finished.IsCompleted)
            {
                Time.Advance(step);
            }
        }
        return await finished;
    }

    public static IReadOnlyList<string> Types(ExecutionSnapshot snapshot) => snapshot.History.Select(e => e.Type).ToList();

    /// <summary>The $$.Task.Token the callback task sent in its payload (field "token").</summary>
    public string TokenSent(int invocation = 0)
        => JsonNode.Parse(Lambda.PayloadText(invocation))!["token"]!.GetValue<string>();

    /// <summary>
    /// A kill -9 and a start: this service is dropped as it is (nothing more is written, its clock never moves
    /// again) and a new one is built over the same store, its clock <paramref name="downtime"/> later.
    /// </summary>
    public SfnHarness Restart(TimeSpan downtime = default, Action<SfnHarness>? script = null)
        => new(Durable ?? throw new InvalidOperationException("Restart needs a durable store."), Time.GetUtcNow() + downtime, script, Retention);

    public ValueTask DisposeAsync() => Service.DisposeAsync();
}
