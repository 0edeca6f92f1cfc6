using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aws.Clients.StepFunctions;
using LocalCloud;
using Microsoft.Extensions.Logging;
using Poc.Bench.Support;
using Poc.Cli.Deploy;
using Poc.Cli.Endpoints;

namespace Poc.Bench.Sections;

/// <summary>
/// Reconnection latency over the full HTTP path: executions park on a real Lambda (poc-simulated-api, a dotnet worker),
/// the bench reads each token from GetExecutionHistory and calls SendTaskSuccess with Aws.Clients, then reads when the
/// next state was entered from GetExecutionHistory. Everything goes over the wire, so history timestamps have its
/// millisecond precision (LocalCloud truncates): figures read from them are whole milliseconds, ±1 ms.
/// </summary>
public static class HttpLatencyBench
{
    // Short, so waiting adds little to what is measured; the reads are cheap next to an execution.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(2);

    private const string Definition = """
        {
          "StartAt": "WaitForCallback",
          "States": {
            "WaitForCallback": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters": { "FunctionName": "poc-simulated-api", "Payload": { "action": "CREATE_JOB", "scenario": "complete", "token.$": "$$.Task.Token" } },
              "Next": "Reconnected"
            },
            "Reconnected": { "Type": "Pass", "End": true }
          }
        }
        """;

    public static async Task RunAsync(int executions, BenchReport report, CancellationToken ct)
    {
        await using var cloud = await LocalCloudServer.StartAsync(new LocalCloudOptions { Port = 0, MinimumLogLevel = LogLevel.Warning }, ct);
        using var env = PocEnvironment.ForLocalCloud(cloud.BaseUrl, 1.0, RepoRoot.Find());
        await Deployer.DeployAsync(env, null, ct);
        var machine = (await env.StepFunctions.CreateStateMachineAsync(new CreateStateMachineRequest
        {
            Name = "bench-http-latency",
            Definition = Definition,
            RoleArn = env.RoleArn,
        }, ct)).StateMachineArn;

        await MeasureAsync(env, machine, Math.Min(50, executions), ct);
        var (engine, client, call) = await MeasureAsync(env, machine, executions, ct);

        var clientStats = LatencyStats.From(client);
        var engineStats = LatencyStats.From(engine);
        var callStats = LatencyStats.From(call);
        report.Section("reconnectionLatencyHttp", new JsonObject
        {
            ["method"] = "LocalCloud over HTTP; SendTaskSuccess via Aws.Clients; timestamps from GetExecutionHistory (millisecond precision)",
            ["parkedExecutions"] = executions,
            ["callbackAcceptedToNextStateEntered"] = engineStats.ToJson(),
            ["sendTaskSuccessCalledToNextStateEntered"] = clientStats.ToJson(),
            ["sendTaskSuccessRoundTrip"] = callStats.ToJson(),
            ["targetP99Ms"] = 10,
            ["targetMet"] = clientStats.P99 < 10,
        });
        report.Row("latency (HTTP)", "SendTaskSuccess called → next state entered (history, ms precision)", clientStats.ToString(), "p99 < 10 ms");
        report.Row("latency (HTTP)", "SendTaskSuccess HTTP round trip", callStats.ToString(), "");
        report.Row("latency (HTTP)", "TaskSucceeded → next state entered (history, ms precision)", engineStats.ToString(), "");
    }

    private static async Task<(List<double> Engine, List<double> Client, List<double> Call)> MeasureAsync(
        PocEnvironment env, string machine, int count, CancellationToken ct)
    {
        using var gate = new SemaphoreSlim(8);
        var arns = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync(ct);
            try
            {
                return (await env.StepFunctions.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine, Input = "{}" }, ct)).ExecutionArn;
            }
            finally
            {
                gate.Release();
            }
        }));
        var tokens = new List<string>(arns.Length);
        foreach (var arn in arns)
        {
            tokens.Add(await ParkedTokenAsync(env.StepFunctions, arn, ct));
        }

        List<double> engine = [], client = [], call = [];
        for (var i = 0; i < arns.Length; i++)
        {
            var sentAt = TimeProvider.System.GetUtcNow();
            var watch = Stopwatch.StartNew();
            await env.StepFunctions.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = tokens[i], Output = "{\"ok\":true}" }, ct);
            call.Add(watch.Elapsed.TotalMilliseconds);
            var (accepted, entered) = Reconnection(await EndedHistoryAsync(env.StepFunctions, arns[i], ct));
            engine.Add((entered - accepted).TotalMilliseconds);
            client.Add((entered - sentAt).TotalMilliseconds);
        }

        return (engine, client, call);
    }

    /// <summary>The execution's task token, once it is parked: its Lambda has returned (TaskSubmitted is in the history).</summary>
    private static async Task<string> ParkedTokenAsync(StepFunctionsClient client, string arn, CancellationToken ct)
    {
        while (true)
        {
            var history = await client.GetExecutionHistoryAllAsync(new GetExecutionHistoryRequest { ExecutionArn = arn }, ct);
            if (history.Any(e => e.Type == "TaskSubmitted"))
            {
                var scheduled = history.First(e => e.Type == "TaskScheduled").TaskScheduledEventDetails!.Value;
                using var parameters = JsonDocument.Parse(scheduled.GetProperty("parameters").GetString()!);
                return parameters.RootElement.GetProperty("Payload").GetProperty("token").GetString()!;
            }

            await Task.Delay(PollInterval, ct);
        }
    }

    /// <summary>The history of the execution once it has ended (DescribeExecution polled).</summary>
    private static async Task<IReadOnlyList<HistoryEvent>> EndedHistoryAsync(StepFunctionsClient client, string arn, CancellationToken ct)
    {
        while ((await client.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = arn }, ct)).Status == "RUNNING")
        {
            await Task.Delay(PollInterval, ct);
        }

        return await client.GetExecutionHistoryAllAsync(new GetExecutionHistoryRequest { ExecutionArn = arn, IncludeExecutionData = false }, ct);
    }

    /// <summary>When the callback was accepted (TaskSucceeded) and when the state after the task was entered.</summary>
    private static (DateTimeOffset Accepted, DateTimeOffset Entered) Reconnection(IReadOnlyList<HistoryEvent> history)
    {
        var succeeded = history.Single(e => e.Type == "TaskSucceeded");
        var next = history.First(e => e.Id > succeeded.Id && e.Type.EndsWith("StateEntered", StringComparison.Ordinal));
        return (succeeded.Timestamp, next.Timestamp);
    }
}
