using System.Diagnostics;
using System.Text.Json.Nodes;
using LocalCloud.Core.Usage;
using LocalCloud.StepFunctions;
using LocalCloud.StepFunctions.Engine;
using Poc.Bench.Support;

namespace LocalCloud.Benchmarks.Engine;

/// <summary>
/// Reconnection latency inside the engine: N executions park on waitForTaskToken, then each gets SendTaskSuccess
/// through the awsJson dispatcher (no socket). Timestamps come from the in-process history, which keeps the clock's
/// full precision (the wire rounds them to milliseconds).
/// </summary>
public static class EngineLatencyBench
{
    public const string Definition = """
        {
          "StartAt": "WaitForCallback",
          "States": {
            "WaitForCallback": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters": { "FunctionName": "bench-target", "Payload": { "token.$": "$$.Task.Token", "execution.$": "$$.Execution.Id" } },
              "Next": "Reconnected"
            },
            "Reconnected": { "Type": "Pass", "End": true }
          }
        }
        """;

    public static async Task RunAsync(int executions, BenchReport report, CancellationToken ct)
    {
        var lambda = new TokenCapturingLambda();
        await using var sfn = new StepFunctionsService(TimeProvider.System, lambda, new UsageMeter());
        var caller = new InProcessCaller(sfn, "AWSStepFunctions");
        var machine = await caller.CreateStateMachineAsync("bench-latency", Definition, ct);

        // Warm-up so JIT and first-use costs are not in the percentiles.
        await MeasureSequentialAsync(sfn, caller, lambda, machine, Math.Min(200, executions), ct);

        var sequential = await MeasureSequentialAsync(sfn, caller, lambda, machine, executions, ct);
        var burst = await MeasureBurstAsync(sfn, caller, lambda, machine, executions, ct);

        var engine = LatencyStats.From(sequential.Engine);
        var client = LatencyStats.From(sequential.Client);
        var call = LatencyStats.From(sequential.Call);
        var burstEngine = LatencyStats.From(burst);
        report.Section("reconnectionLatencyEngine", new JsonObject
        {
            ["method"] = "in-process StepFunctionsService, fake Lambda; history timestamps at full clock precision",
            ["parkedExecutions"] = executions,
            ["callbackAcceptedToNextStateEntered"] = engine.ToJson(),
            ["sendTaskSuccessCalledToNextStateEntered"] = client.ToJson(),
            ["sendTaskSuccessCallDuration"] = call.ToJson(),
            ["burstAllCallbacksAtOnce_callbackAcceptedToNextStateEntered"] = burstEngine.ToJson(),
            ["targetP99Ms"] = 10,
            ["targetMet"] = client.P99 < 10,
        });
        report.Row("latency (engine)", "TaskSucceeded → next state entered", engine.ToString(), "p99 < 10 ms");
        report.Row("latency (engine)", "SendTaskSuccess called → next state entered", client.ToString(), "p99 < 10 ms");
        report.Row("latency (engine)", $"burst of {executions} callbacks: TaskSucceeded → next state entered", burstEngine.ToString(), "");
    }

    private static async Task<string[]> ParkAsync(InProcessCaller caller, TokenCapturingLambda lambda, string machine, int count, CancellationToken ct)
    {
        var arns = new string[count];
        for (var i = 0; i < count; i++)
        {
            arns[i] = (await caller.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["input"] = "{\"n\":" + i + "}" }, ct))["executionArn"]!.GetValue<string>();
        }

        await Task.WhenAll(arns.Select(a => lambda.TokenFor(a).WaitAsync(ct)));
        return arns;
    }

    private static async Task<(List<double> Engine, List<double> Client, List<double> Call)> MeasureSequentialAsync(
        StepFunctionsService sfn, InProcessCaller caller, TokenCapturingLambda lambda, string machine, int count, CancellationToken ct)
    {
        var arns = await ParkAsync(caller, lambda, machine, count, ct);
        foreach (var arn in arns)
        {
            await sfn.WaitForIdleAsync(arn, ct);
        }

        List<double> engine = [], client = [], call = [];
        foreach (var arn in arns)
        {
            var token = await lambda.TokenFor(arn);
            var sentAt = TimeProvider.System.GetUtcNow();
            var watch = Stopwatch.StartNew();
            await caller.CallAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = token, ["output"] = "{\"ok\":true}" }, ct);
            call.Add(watch.Elapsed.TotalMilliseconds);
            var done = await sfn.WaitForExecutionAsync(arn, ct);
            var (accepted, entered) = Reconnection(done);
            engine.Add((entered - accepted).TotalMilliseconds);
            client.Add((entered - sentAt).TotalMilliseconds);
        }

        return (engine, client, call);
    }

    private static async Task<List<double>> MeasureBurstAsync(
        StepFunctionsService sfn, InProcessCaller caller, TokenCapturingLambda lambda, string machine, int count, CancellationToken ct)
    {
        var arns = await ParkAsync(caller, lambda, machine, count, ct);
        foreach (var arn in arns)
        {
            await sfn.WaitForIdleAsync(arn, ct);
        }

        var tokens = await Task.WhenAll(arns.Select(lambda.TokenFor));
        await Task.WhenAll(tokens.Select(t => Task.Run(() => caller.CallAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = t, ["output"] = "{}" }, ct), ct)));
        var done = await Task.WhenAll(arns.Select(a => sfn.WaitForExecutionAsync(a, ct)));
        return [.. done.Select(Reconnection).Select(r => (r.Entered - r.Accepted).TotalMilliseconds)];
    }

    /// <summary>When the callback was accepted (TaskSucceeded) and when the state after the task was entered.</summary>
    public static (DateTimeOffset Accepted, DateTimeOffset Entered) Reconnection(ExecutionSnapshot done)
    {
        ArgumentNullException.ThrowIfNull(done);
        var history = done.History;
        var succeeded = history.Single(e => e.Type == "TaskSucceeded");
        var next = history.First(e => e.Id > succeeded.Id && e.Type.EndsWith("StateEntered", StringComparison.Ordinal));
        return (succeeded.Timestamp, next.Timestamp);
    }
}
