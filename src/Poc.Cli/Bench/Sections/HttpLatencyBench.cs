using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aws.Clients.StepFunctions;
using LocalCloud;
using LocalCloud.StepFunctions;
using Microsoft.Extensions.Logging;
using Poc.Bench.Support;
using Poc.Cli.Deploy;
using Poc.Cli.Endpoints;

namespace Poc.Bench.Sections;

/// <summary>
/// Reconnection latency over the full HTTP path: executions park on a real Lambda (poc-simulated-api, a dotnet worker),
/// the bench reads each token from GetExecutionHistory and calls SendTaskSuccess with Aws.Clients. The server runs in
/// this process, so the history is also read in-process, at full clock precision (the wire gives milliseconds).
/// </summary>
public static class HttpLatencyBench
{
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
        var sfn = cloud.ServiceSet.Get<StepFunctionsService>();
        var machine = (await env.StepFunctions.CreateStateMachineAsync(new CreateStateMachineRequest
        {
            Name = "bench-http-latency",
            Definition = Definition,
            RoleArn = env.RoleArn,
        }, ct)).StateMachineArn;

        await MeasureAsync(env, sfn, machine, Math.Min(50, executions), ct);
        var (engine, client, call, wire) = await MeasureAsync(env, sfn, machine, executions, ct);

        var clientStats = LatencyStats.From(client);
        var engineStats = LatencyStats.From(engine);
        var callStats = LatencyStats.From(call);
        var wireStats = LatencyStats.From(wire);
        report.Section("reconnectionLatencyHttp", new JsonObject
        {
            ["method"] = "LocalCloud over HTTP; SendTaskSuccess via Aws.Clients; timestamps from the in-process history (full precision)",
            ["parkedExecutions"] = executions,
            ["callbackAcceptedToNextStateEntered"] = engineStats.ToJson(),
            ["sendTaskSuccessCalledToNextStateEntered"] = clientStats.ToJson(),
            ["sendTaskSuccessRoundTrip"] = callStats.ToJson(),
            ["wireHistoryMsPrecision_taskSucceededToNextStateEntered"] = wireStats.ToJson(),
            ["targetP99Ms"] = 10,
            ["targetMet"] = clientStats.P99 < 10,
        });
        report.Row("latency (HTTP)", "SendTaskSuccess called → next state entered", clientStats.ToString(), "p99 < 10 ms");
        report.Row("latency (HTTP)", "SendTaskSuccess HTTP round trip", callStats.ToString(), "");
        report.Row("latency (HTTP)", "GetExecutionHistory (ms precision): TaskSucceeded → next state entered", wireStats.ToString(), "");
    }

    private static async Task<(List<double> Engine, List<double> Client, List<double> Call, List<double> Wire)> MeasureAsync(
        PocEnvironment env, StepFunctionsService sfn, string machine, int count, CancellationToken ct)
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
        foreach (var arn in arns)
        {
            await sfn.WaitForIdleAsync(arn, ct);
        }

        List<double> engine = [], client = [], call = [], wire = [];
        foreach (var arn in arns)
        {
            var token = await TokenAsync(env.StepFunctions, arn, ct);
            var sentAt = TimeProvider.System.GetUtcNow();
            var watch = Stopwatch.StartNew();
            await env.StepFunctions.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = token, Output = "{\"ok\":true}" }, ct);
            call.Add(watch.Elapsed.TotalMilliseconds);
            var (accepted, entered) = EngineLatencyBench.Reconnection(await sfn.WaitForExecutionAsync(arn, ct));
            engine.Add((entered - accepted).TotalMilliseconds);
            client.Add((entered - sentAt).TotalMilliseconds);
            var history = await env.StepFunctions.GetExecutionHistoryAllAsync(new GetExecutionHistoryRequest { ExecutionArn = arn, IncludeExecutionData = false }, ct);
            var succeeded = history.Single(e => e.Type == "TaskSucceeded");
            var next = history.First(e => e.Id > succeeded.Id && e.Type.EndsWith("StateEntered", StringComparison.Ordinal));
            wire.Add((next.Timestamp - succeeded.Timestamp).TotalMilliseconds);
        }

        return (engine, client, call, wire);
    }

    private static async Task<string> TokenAsync(StepFunctionsClient client, string arn, CancellationToken ct)
    {
        var history = await client.GetExecutionHistoryAllAsync(new GetExecutionHistoryRequest { ExecutionArn = arn }, ct);
        var scheduled = history.First(e => e.Type == "TaskScheduled").TaskScheduledEventDetails!.Value;
        using var parameters = JsonDocument.Parse(scheduled.GetProperty("parameters").GetString()!);
        return parameters.RootElement.GetProperty("Payload").GetProperty("token").GetString()!;
    }
}
