using System.Diagnostics;
using System.Text.Json.Nodes;
using LocalCloud.Core.Usage;
using LocalCloud.StepFunctions;
using Poc.Bench.Support;

namespace LocalCloud.Benchmarks.Engine;

/// <summary>
/// Engine throughput: many executions of a Pass/Choice/Map machine at once on the real clock, counting state
/// transitions the way billing does (every state entered, Map iterations included).
/// </summary>
public static class ThroughputBench
{
    // Issue #17's targets on 2 cores.
    private const double TargetPerSecond = 100_000;
    private const double TargetBytesPerTransition = 3 * 1024;

    // 3 + 10 iterations × 2 states + 2 = 25 transitions per execution.
    public const string Definition = """
        {
          "StartAt": "Init",
          "States": {
            "Init": { "Type": "Pass", "Result": { "items": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "label": "bench" }, "ResultPath": "$.data", "Next": "IsBig" },
            "IsBig": {
              "Type": "Choice",
              "Choices": [ { "Variable": "$.data.label", "StringEquals": "bench", "Next": "EachItem" } ],
              "Default": "Done"
            },
            "EachItem": {
              "Type": "Map",
              "ItemsPath": "$.data.items",
              "ItemSelector": { "value.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index" },
              "ItemProcessor": {
                "StartAt": "Classify",
                "States": {
                  "Classify": {
                    "Type": "Choice",
                    "Choices": [ { "Variable": "$.value", "NumericGreaterThan": 5, "Next": "Big" } ],
                    "Default": "Small"
                  },
                  "Big": { "Type": "Pass", "Parameters": { "size": "big", "v.$": "$.value" }, "End": true },
                  "Small": { "Type": "Pass", "Parameters": { "size": "small", "v.$": "$.value" }, "End": true }
                }
              },
              "ResultPath": "$.mapped",
              "Next": "Summarise"
            },
            "Summarise": { "Type": "Pass", "Parameters": { "count.$": "States.ArrayLength($.mapped)", "first.$": "$.mapped[0]" }, "Next": "Done" },
            "Done": { "Type": "Succeed" }
          }
        }
        """;

    /// <summary>One throughput measurement of <paramref name="definition"/>: a warm-up batch, then <paramref name="executions"/> at once.</summary>
    public sealed record Measurement(int Executions, int Failed, double Transitions, TimeSpan Elapsed, double AllocatedPerTransition, int Gen0, int Gen2)
    {
        public double PerSecond => Transitions / Elapsed.TotalSeconds;
    }

    public static async Task<Measurement> MeasureAsync(string definition, int executions, CancellationToken ct)
    {
        var usage = new UsageMeter();
        await using var sfn = new StepFunctionsService(TimeProvider.System, new TokenCapturingLambda(), usage);
        var caller = new InProcessCaller(sfn, "AWSStepFunctions");
        var machine = await caller.CreateStateMachineAsync("bench-throughput", definition, ct);

        await RunBatchAsync(sfn, caller, machine, Math.Min(200, executions), ct);
        usage.Reset();

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var gen0Before = GC.CollectionCount(0);
        var gen2Before = GC.CollectionCount(2);
        var watch = Stopwatch.StartNew();
        var failed = await RunBatchAsync(sfn, caller, machine, executions, ct);
        var elapsed = watch.Elapsed;
        var transitions = usage.Total("states", "StateTransitions");
        return new Measurement(executions, failed, transitions, elapsed, (GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore) / transitions,
            GC.CollectionCount(0) - gen0Before, GC.CollectionCount(2) - gen2Before);
    }

    /// <summary>The output of one execution of <paramref name="definition"/> on input {} (to show two machines do the same work).</summary>
    public static async Task<string?> OutputOfOneAsync(string definition, CancellationToken ct)
    {
        await using var sfn = new StepFunctionsService(TimeProvider.System, new TokenCapturingLambda(), new UsageMeter());
        var caller = new InProcessCaller(sfn, "AWSStepFunctions");
        var machine = await caller.CreateStateMachineAsync("bench-one", definition, ct);
        var arn = (await caller.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["input"] = "{}" }, ct))["executionArn"]!.GetValue<string>();
        return (await sfn.WaitForExecutionAsync(arn, ct)).Output;
    }

    public static async Task RunAsync(int executions, BenchReport report, CancellationToken ct)
    {
        var m = await MeasureAsync(Definition, executions, ct);
        report.Section("engineThroughput", new JsonObject
        {
            ["method"] = "in-process StepFunctionsService, TimeProvider.System, all executions started at once",
            ["executions"] = executions,
            ["failedExecutions"] = m.Failed,
            ["stateTransitions"] = m.Transitions,
            ["elapsedSeconds"] = Math.Round(m.Elapsed.TotalSeconds, 3),
            ["transitionsPerSecond"] = Math.Round(m.PerSecond),
            ["allocatedBytesPerTransition"] = Math.Round(m.AllocatedPerTransition),
            ["gen0Collections"] = m.Gen0,
            ["gen2Collections"] = m.Gen2,
            ["targetPerSecond"] = TargetPerSecond,
            ["targetBytesPerTransition"] = TargetBytesPerTransition,
            ["targetMet"] = m.PerSecond >= TargetPerSecond && m.AllocatedPerTransition < TargetBytesPerTransition && m.Failed == 0,
            ["loadAverage"] = BenchReport.LoadAverage(),
        });
        report.Row("throughput", $"state transitions/s ({executions} Pass/Choice/Map executions at once)",
            FormattableString.Invariant($"{m.PerSecond:0} /s ({m.Transitions:0} in {m.Elapsed.TotalSeconds:0.00} s, {m.AllocatedPerTransition / 1024:0.0} KiB allocated each)"), "≥ 100,000 /s, < 3 KiB each");
    }

    private static async Task<int> RunBatchAsync(StepFunctionsService sfn, InProcessCaller caller, string machine, int count, CancellationToken ct)
    {
        var arns = new string[count];
        for (var i = 0; i < count; i++)
        {
            arns[i] = (await caller.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["input"] = "{}" }, ct))["executionArn"]!.GetValue<string>();
        }

        var done = await Task.WhenAll(arns.Select(a => sfn.WaitForExecutionAsync(a, ct)));
        return done.Count(d => d.Status != "SUCCEEDED");
    }
}
