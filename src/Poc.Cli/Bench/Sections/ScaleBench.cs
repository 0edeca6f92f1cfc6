using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Aws.Clients.Lambda;
using Aws.Clients.StepFunctions;
using LocalCloud;
using Microsoft.Extensions.Logging;
using Poc.Bench.Support;
using Poc.Cli.Deploy;
using Poc.Cli.Endpoints;
using Poc.Cli.Runs;

namespace Poc.Bench.Sections;

/// <summary>
/// N concurrent poc-callback-workflow executions (scenario complete) through the whole application: deployed with
/// poc's Deployer, started over HTTP, resumed only by the scheduled poc-poller. Observed over HTTP only: parked = every
/// execution's token record is in poc-task-tokens; complete = ListExecutions shows none RUNNING.
/// </summary>
public static class ScaleBench
{
    private const int StartConcurrency = 16;
    private const double SweepTargetSeconds = 5;
    private const double EndToEndTargetSeconds = 60;
    private const double PeakMemoryTargetMiB = 1536;

    // The bench's own waits are requests LocalCloud serves on the same two cores: with 10,000 executions one check
    // scans 10,000 token records or lists 10,000 executions, so checking every 100 ms would cost LocalCloud more CPU
    // than the jobs themselves. Once a second bounds that, at a second's resolution on a 60 s target.
    private static readonly TimeSpan WaitInterval = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(BenchOptions options, BenchReport report, CancellationToken ct)
    {
        var n = options.Executions;
        await using var memory = new MemorySampler();
        await using var cpu = new ProcessCpu.Tracker();
        await using var cloud = await LocalCloudServer.StartAsync(
            new LocalCloudOptions { Port = 0, ScheduleTimeScale = options.ScheduleTimeScale, MinimumLogLevel = LogLevel.Warning }, ct);
        using var env = PocEnvironment.ForLocalCloud(cloud.BaseUrl, options.ScheduleTimeScale, RepoRoot.Find());
        await Deployer.DeployAsync(env, null, ct);
        if (options.PollerBatchWrites)
        {
            await SetVariablesAsync(env, PocResources.PollerFunction, new Dictionary<string, string>(StringComparer.Ordinal) { ["POLLER_BATCH_WRITES"] = "true" }, ct);
        }

        if (options.FunctionVariables.Count > 0)
        {
            foreach (var function in new[] { PocResources.CreateJobFunction, PocResources.SimulatedApiFunction, PocResources.PollerFunction })
            {
                await SetVariablesAsync(env, function, options.FunctionVariables, ct);
            }
        }

        var machine = await StateMachines.FindArnAsync(env.StepFunctions, PocResources.CallbackStateMachine, ct)
                      ?? throw new InvalidOperationException("poc-callback-workflow was not deployed");

        using var http = new HttpClient();
        await using var watcher = new PollerWatcher(c => LambdaInvocations.ReadAsync(http, cloud.BaseUrl, LambdaInvocations.MaxKept, c), c => CountPendingAsync(env, c));
        watcher.Start();

        // What LocalCloud keeps per finished job (histories, token records, table items) is the live heap after a full
        // collection at the end less the same before the first start; both outside the timed span.
        var heapBeforeJobs = GC.GetTotalMemory(forceFullCollection: true);
        var origin = TimeProvider.System.GetUtcNow();
        var cpuAtStart = cpu.Snapshot();
        var clock = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(StartConcurrency);
        var arns = await Task.WhenAll(Enumerable.Range(0, n).Select(async i =>
        {
            await gate.WaitAsync(ct);
            try
            {
                return (await env.StepFunctions.StartExecutionAsync(new StartExecutionRequest
                {
                    StateMachineArn = machine,
                    Input = string.Create(CultureInfo.InvariantCulture, $$"""{"jobName":"bench-{{i}}","scenario":"complete"}"""),
                }, ct)).ExecutionArn;
            }
            finally
            {
                gate.Release();
            }
        }));
        var started = clock.Elapsed;
        var cpuStarted = cpu.Snapshot();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.ScaleTimeout);
        var direct = new JsonArray();
        string[] statuses;
        TimeSpan parked = TimeSpan.Zero;
        var parkedCount = 0;
        var cpuParked = cpuStarted;
        var completedInTime = true;
        try
        {
            parkedCount = await HttpWaits.WaitForParkedAsync(env, PocResources.TokensTable, machine, n, WaitInterval, timeout.Token);
            parked = clock.Elapsed;
            cpuParked = cpu.Snapshot();
            if (options.DirectSweeps)
            {
                await SweepDirectlyAsync(env, arns.Length, direct, timeout.Token);
            }

            var ended = await HttpWaits.WaitForEndAsync(env.StepFunctions, machine, WaitInterval, timeout.Token);
            statuses = [.. arns.Select(a => ended.GetValueOrDefault(a, "MISSING"))];
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            completedInTime = false;
            statuses = [];
        }

        var complete = clock.Elapsed;
        var cpuComplete = cpu.Snapshot();
        var sweeps = await watcher.SweepsAsync(ct);
        var succeeded = statuses.Count(s => s == "SUCCEEDED");
        var sweepJson = new JsonArray([.. sweeps.Select(s => (JsonNode)new JsonObject
        {
            ["startSeconds"] = Math.Round((s.Sweep.Start - origin).TotalSeconds, 2),
            ["durationMs"] = Math.Round(s.Sweep.Duration.TotalMilliseconds),
            ["pendingAtStart"] = s.PendingAtStart,
            ["msPer1000Pending"] = s.PendingAtStart is > 0 and var p ? Math.Round(s.Sweep.Duration.TotalMilliseconds / p * 1000) : null,
            ["error"] = s.Sweep.ErrorType,
            ["invocationType"] = s.Sweep.InvocationType,
        })]);

        // The headline sweep: the longest one that began with (nearly) every execution pending.
        var full = sweeps.Where(s => s.PendingAtStart >= n * 0.9 && s.Sweep.ErrorType is null).OrderByDescending(s => s.Sweep.Duration).FirstOrDefault();
        var timedOut = sweeps.Count(s => s.Sweep.ErrorType is not null);
        double? perThousand = full.Sweep is null ? null : full.Sweep.Duration.TotalMilliseconds / full.PendingAtStart!.Value * 1000;
        var projected10k = perThousand * 10 / 1000;
        var peakMiB = MemorySampler.PeakWorkingSet() / 1024.0 / 1024.0;
        var memoryJson = memory.ToJson();
        var heapAfterJobs = GC.GetTotalMemory(forceFullCollection: true);
        memoryJson["liveHeapBeforeJobsMiB"] = Math.Round(heapBeforeJobs / 1024.0 / 1024.0, 1);
        memoryJson["liveHeapAfterAllCompleteMiB"] = Math.Round(heapAfterJobs / 1024.0 / 1024.0, 1);
        memoryJson["liveHeapKiBPerFinishedJob"] = Math.Round((heapAfterJobs - heapBeforeJobs) / 1024.0 / n, 1);
        var totalPeakMiB = memoryJson["totalPeakRssMiB"]!.GetValue<double>();

        report.Section("scale", new JsonObject
        {
            ["method"] = "in-process LocalCloud, observed over HTTP only; poc Deployer; StartExecution via Aws.Clients (16 at a time); the scheduled poc-poller sweeps; parked = all token records written, complete = none RUNNING in ListExecutions",
            ["executions"] = n,
            ["scheduleTimeScale"] = options.ScheduleTimeScale,
            ["completedWithinTimeout"] = completedInTime,
            ["succeeded"] = succeeded,
            ["otherStatuses"] = new JsonObject([.. statuses.Where(s => s != "SUCCEEDED").GroupBy(s => s).Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Count()))]),
            ["startAllSeconds"] = Math.Round(started.TotalSeconds, 2),
            // "All parked": every execution wrote its token record or failed before it could (counted in otherStatuses).
            ["allParkedSeconds"] = Math.Round(parked.TotalSeconds, 2),
            ["parked"] = parkedCount,
            ["allCompleteSeconds"] = Math.Round(complete.TotalSeconds, 2),
            ["sweeps"] = sweepJson,
            ["directSweeps"] = direct,
            ["sweepsFailedOrTimedOut"] = timedOut,
            ["fullSweepMsPer1000Pending"] = perThousand is { } v ? Math.Round(v) : null,
            ["fullSweepProjectedSecondsFor10000"] = projected10k is { } s10 ? Math.Round(s10, 1) : null,
            ["pendingTimeline"] = watcher.PendingTimeline(origin),
            ["memory"] = memoryJson,
            // Where a job's CPU goes, by process kind (LocalCloud with the bench's clients; each kind of Lambda worker),
            // per phase: the phases overlap (executions park while others still start), so read them as shares.
            ["pollerBatchWrites"] = options.PollerBatchWrites,
            ["functionVariables"] = new JsonObject([.. options.FunctionVariables.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value))]),
            ["cpuSeconds"] = new JsonObject
            {
                ["starting"] = ProcessCpu.Between(cpuAtStart, cpuStarted),
                ["parking"] = ProcessCpu.Between(cpuStarted, cpuParked),
                ["completing"] = ProcessCpu.Between(cpuParked, cpuComplete),
                ["total"] = ProcessCpu.Between(cpuAtStart, cpuComplete),
            },
            ["cpuMsPerJob"] = Math.Round(ProcessCpu.TotalBetween(cpuAtStart, cpuComplete) * 1000 / n, 2),
            ["targets"] = new JsonObject
            {
                ["allCompleteUnder60s"] = completedInTime && succeeded == n && complete.TotalSeconds < EndToEndTargetSeconds,
                ["peakRssUnder1_5GiB"] = totalPeakMiB < PeakMemoryTargetMiB,
                ["peakPssUnder1_5GiB"] = memoryJson["totalPeakPssMiB"]!.GetValue<double>() < PeakMemoryTargetMiB,
                ["sweepOf10000Under5s"] = projected10k is { } p10 && p10 < SweepTargetSeconds,
            },
        });
        report.Row("scale", $"{n} callback executions: all complete", completedInTime
            ? FormattableString.Invariant($"{complete.TotalSeconds:0.0} s ({succeeded} SUCCEEDED; started in {started.TotalSeconds:0.0} s, all parked at {parked.TotalSeconds:0.0} s)")
            : FormattableString.Invariant($"NOT complete after {options.ScaleTimeout.TotalSeconds:0} s"), n == 10_000 ? "< 60 s" : "completes");
        report.Row("scale", "CPU per job, all processes (LocalCloud + workers)", FormattableString.Invariant(
            $"{ProcessCpu.TotalBetween(cpuAtStart, cpuComplete) * 1000 / n:0.0} ms: {ProcessCpu.Between(cpuAtStart, cpuComplete).ToJsonString()} s"));
        report.Row("scale", "poller sweep per 1,000 pending (longest successful sweep over ≥90% pending)",
            perThousand is { } pt ? FormattableString.Invariant($"{pt:0} ms (→ {projected10k:0.0} s for 10,000); {timedOut} sweep(s) failed/timed out") : $"no complete sweep over all pending; {timedOut} sweep(s) failed/timed out",
            "10,000 pending < 5 s");
        report.Row("scale", "peak working set (LocalCloud + bench client, one process)", FormattableString.Invariant($"{peakMiB:0} MiB"));
        report.Row("scale", "peak resident memory, LocalCloud + all Lambda workers (sampled together every 0.5 s)",
            FormattableString.Invariant($"{memoryJson["totalPeakRssMiB"]} MiB ({memoryJson["lambdaWorkersPeakCount"]} workers at most)"), "< 1.5 GiB");
        report.Row("scale", "live heap kept per finished job (LocalCloud + bench client, after a full collection)",
            FormattableString.Invariant($"{memoryJson["liveHeapKiBPerFinishedJob"]} KiB ({memoryJson["liveHeapBeforeJobsMiB"]} → {memoryJson["liveHeapAfterAllCompleteMiB"]} MiB)"));
        report.Row("scale", "peak proportional memory (Pss: pages the workers share counted once), LocalCloud + all Lambda workers",
            FormattableString.Invariant($"{memoryJson["totalPeakPssMiB"]} MiB (workers {memoryJson["lambdaWorkersPeakPssSumMiB"]} MiB)"), "< 1.5 GiB");
    }

    /// <summary>Adds <paramref name="added"/> to a deployed function's environment, keeping the rest of it.</summary>
    private static async Task SetVariablesAsync(PocEnvironment env, string function, IReadOnlyDictionary<string, string> added, CancellationToken ct)
    {
        var variables = new Dictionary<string, string>(
            (await env.Lambda.GetFunctionAsync(new GetFunctionRequest { FunctionName = function }, ct)).Configuration?.Environment?.Variables
            ?? new Dictionary<string, string>(),
            StringComparer.Ordinal);
        foreach (var (name, value) in added)
        {
            variables[name] = value;
        }

        await env.Lambda.UpdateFunctionConfigurationAsync(
            new UpdateFunctionConfigurationRequest { FunctionName = function, Environment = new FunctionEnvironment { Variables = variables } }, ct);
    }

    /// <summary>Invokes poc-poller synchronously (as the schedule would, but one at a time) until nothing is pending.</summary>
    private static async Task SweepDirectlyAsync(PocEnvironment env, int executions, JsonArray sweeps, CancellationToken ct)
    {
        for (var pending = await CountPendingAsync(env, ct); pending > 0 && sweeps.Count < 20; pending = await CountPendingAsync(env, ct))
        {
            var watch = Stopwatch.StartNew();
            string outcome;
            try
            {
                outcome = (await PollerInvoker.InvokeAsync(env.Lambda, ct)).ToString();
            }
            catch (Poc.Cli.Cli.PocException e)
            {
                outcome = e.Message;
            }

            var ms = watch.Elapsed.TotalMilliseconds;
            sweeps.Add(new JsonObject
            {
                ["pendingAtStart"] = pending,
                ["durationMs"] = Math.Round(ms),
                ["msPer1000Pending"] = Math.Round(ms / pending * 1000),
                ["result"] = outcome,
            });
            Console.WriteLine(FormattableString.Invariant($"  direct sweep over {pending} pending of {executions}: {ms:0} ms: {outcome}"));
        }
    }

    private static async Task<int> CountPendingAsync(PocEnvironment env, CancellationToken ct)
    {
        var total = 0;
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await env.DynamoDb.QueryAsync(new QueryRequest
            {
                TableName = PocResources.TokensTable,
                IndexName = "status-index",
                KeyConditionExpression = "#s = :p",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#s"] = "status" },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":p"] = new AttributeValue { S = "PENDING" } },
                Select = Amazon.DynamoDBv2.Select.COUNT,
                ExclusiveStartKey = start,
            }, ct);
            total += page.Count ?? 0;
            start = page.LastEvaluatedKey is { Count: > 0 } key ? key : null;
        }
        while (start is not null);
        return total;
    }
}
