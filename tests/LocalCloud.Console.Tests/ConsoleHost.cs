using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LocalCloud.Core.Ports;
using LocalCloud.Core.Usage;
using LocalCloud.DynamoDb;
using LocalCloud.Scheduler;
using LocalCloud.StepFunctions;
using LocalCloud.Wiring;
using Microsoft.Extensions.Logging;

namespace LocalCloud.Console.Tests;

/// <summary>
/// A real LocalCloud host (Kestrel, the console, Step Functions and DynamoDB) on a free port, with a stand-in for Lambda:
/// the console and the engine are what is under test, not worker processes, so the "function" only records the task
/// token it was handed (as poc-create-job would) or fails when asked to.
/// </summary>
internal sealed class ConsoleHost : IAsyncDisposable
{
    public const string ConsolePrefix = "/_localcloud/console";

    public const string Role = "arn:aws:iam::000000000000:role/console-tests";

    /// <summary>A callback task whose function comes from the input, with a Catch: the happy path and the caught one.</summary>
    public const string CallbackDefinition = """
        {
          "Comment": "The callback pattern in small, for the console's tests",
          "StartAt": "StartJob",
          "States": {
            "StartJob": { "Type": "Pass", "Result": { "jobId": "job-1" }, "ResultPath": "$.job", "Next": "WaitForCallback" },
            "WaitForCallback": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters": { "FunctionName.$": "$.function", "Payload": { "taskToken.$": "$$.Task.Token", "jobId.$": "$.job.jobId" } },
              "TimeoutSeconds": 3600,
              "HeartbeatSeconds": 600,
              "Catch": [ { "ErrorEquals": [ "States.ALL" ], "ResultPath": "$.error", "Next": "Recovered" } ],
              "Next": "JobSucceeded"
            },
            "Recovered": { "Type": "Pass", "Next": "JobFailed" },
            "JobFailed": { "Type": "Fail", "Error": "JobFailed", "Cause": "the job failed" },
            "JobSucceeded": { "Type": "Succeed" }
          }
        }
        """;

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private ConsoleHost(LocalCloudServer server, StandInLambda lambda)
    {
        Server = server;
        Lambda = lambda;
    }

    public LocalCloudServer Server { get; }

    public StandInLambda Lambda { get; }

    public string ConsoleUrl => Server.ConsoleUrl.ToString();

    public static async Task<ConsoleHost> StartAsync(LocalCloudOptions? options = null)
    {
        var lambda = new StandInLambda();
        var server = await LocalCloudServer.StartAsync(
            (options ?? new LocalCloudOptions()) with { Port = 0, MinimumLogLevel = LogLevel.None },
            context =>
            {
                var time = context.Options.Time;
                var usage = new UsageMeter();
                var dynamodb = new DynamoDbService(time, usage);
                var states = new StepFunctionsService(time, lambda, usage, dynamoDb: new DynamoDbTaskInvoker(dynamodb));
                var scheduler = new SchedulerService(new SchedulerOptions(), time, lambda, usage);
                return new ServiceSet(usage, [dynamodb, states, scheduler]);
            },
            TestContext.Current.CancellationToken);
        return new ConsoleHost(server, lambda);
    }

    /// <summary>A Step Functions call over the wire, as any client makes it (no signature: the host does not require one).</summary>
    public async Task<JsonElement> SfnAsync(string operation, object request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, Server.BaseUrl)
        {
            Content = new StringContent(JsonSerializer.Serialize(request), Encoding.UTF8),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        message.Headers.Add("X-Amz-Target", "AWSStepFunctions." + operation);
        using var response = await _http.SendAsync(message, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{operation}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A DynamoDB call over the wire (member names as the API model spells them).</summary>
    public async Task<JsonElement> DynamoAsync(string operation, object request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, Server.BaseUrl)
        {
            Content = new StringContent(JsonSerializer.Serialize(request), Encoding.UTF8),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        message.Headers.Add("X-Amz-Target", "DynamoDB_20120810." + operation);
        using var response = await _http.SendAsync(message, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{operation}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<string> CreateCallbackMachineAsync(string name = "console-callback")
        => (await SfnAsync("CreateStateMachine", new { name, definition = CallbackDefinition, roleArn = Role })).GetProperty("stateMachineArn").GetString()!;

    public async Task<string> StartAsync(string machineArn, string name, string function)
        => (await SfnAsync("StartExecution", new { stateMachineArn = machineArn, name, input = JsonSerializer.Serialize(new { function }) })).GetProperty("executionArn").GetString()!;

    public HttpClient Http => _http;

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>Stands in for Lambda: records each task token handed over; "failing-*" functions answer a function error.</summary>
internal sealed class StandInLambda : ILambdaInvoker
{
    private readonly List<string> _tokens = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<string> Tokens
    {
        get
        {
            lock (_gate)
            {
                return [.. _tokens];
            }
        }
    }

    public Task<LambdaInvokeResult> InvokeAsync(LambdaInvokeRequest request, Core.RequestContext context, CancellationToken cancellationToken)
    {
        using var payload = JsonDocument.Parse(request.Payload);
        if (payload.RootElement.TryGetProperty("taskToken", out var token))
        {
            lock (_gate)
            {
                _tokens.Add(token.GetString()!);
            }
        }
        var status = request.InvocationType == LambdaInvocationType.Event ? 202 : 200;
        return Task.FromResult(request.FunctionName.StartsWith("failing", StringComparison.Ordinal)
            ? new LambdaInvokeResult(status, """{"errorType":"JobApiUnavailable","errorMessage":"the job API answered 503"}"""u8.ToArray(), "Unhandled")
            : new LambdaInvokeResult(status, "{}"u8.ToArray(), null));
    }
}
