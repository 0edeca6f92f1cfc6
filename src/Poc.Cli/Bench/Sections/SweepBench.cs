using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Aws.Clients.Lambda;
using Aws.Clients.Scheduler;
using Aws.Clients.StepFunctions;
using LocalCloud;
using Microsoft.Extensions.Logging;
using Poc.Bench.Support;
using Poc.Cli.Deploy;
using Poc.Cli.Endpoints;
using Poc.Cli.Runs;

namespace Poc.Bench.Sections;

/// <summary>
/// One poc-poller sweep over N PENDING records, invoked directly (RequestResponse) against an in-process LocalCloud with
/// poc deploy. Two cases, each on a fresh LocalCloud: every job still RUNNING (scenario never: claim + check only), and
/// every job about to COMPLETE on this check (real executions parked on real task tokens: claim, check, callback, close).
/// A small sweep first warms the poller and simulated-api workers, so the figure is the warm sweep.
/// </summary>
public static class SweepBench
{
    private const int WarmupRecords = 200;
    private const double TargetSeconds = 10;
    private static readonly TimeSpan LeaseWait = TimeSpan.FromSeconds(11);

    // The job's clientToken carries the execution ARN and the task token, so one Scan of poc-jobs yields everything a
    // token record needs (States.Format is the ASL intrinsic; '|' appears in neither an ARN nor a LocalCloud token).
    private const string ParkDefinition = """
        {
          "StartAt": "WaitForCallback",
          "States": {
            "WaitForCallback": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters": {
                "FunctionName": "poc-simulated-api",
                "Payload": { "action": "CREATE_JOB", "scenario": "complete", "checksToComplete": 1, "clientToken.$": "States.Format('{}|{}', $$.Execution.Id, $$.Task.Token)" }
              },
              "End": true
            }
          }
        }
        """;

    public static async Task RunAsync(BenchOptions options, BenchReport report, CancellationToken ct)
    {
        var n = options.SweepRecords;
        var running = await RunningCaseAsync(n, options.PollerBatchWrites, ct);
        var complete = await CompleteCaseAsync(n, options.PollerBatchWrites, ct);
        report.Section("sweep", new JsonObject
        {
            ["method"] = "in-process LocalCloud over HTTP; poc deploy; poc-poller invoked directly (RequestResponse, timeout raised to 900 s so a slow sweep still reports); a 200-record sweep first warms the workers",
            ["records"] = n,
            ["pollerBatchWrites"] = options.PollerBatchWrites,
            ["stillRunning"] = running,
            ["allComplete"] = complete,
            ["targetSeconds"] = TargetSeconds,
        });
        foreach (var (name, figures) in new[] { ("all jobs still running", running), ("all jobs complete on this check", complete) })
        {
            var seconds = figures["sweepSeconds"]!.GetValue<double>();
            report.Row("sweep", $"one sweep over {n:N0} PENDING, {name}", FormattableString.Invariant(
                $"{seconds:0.00} s ({figures["msPer1000"]} ms per 1,000; load {figures["loadAverageAfter"]}): {figures["summary"]!.ToJsonString()}"),
                n == 10_000 && name.Contains("running", StringComparison.Ordinal) ? "< 10 s" : string.Empty);
        }
    }

    private static async Task<JsonObject> RunningCaseAsync(int n, bool batchWrites, CancellationToken ct)
    {
        await using var cloud = await StartAsync(ct);
        using var env = await DeployAsync(cloud, batchWrites, ct);
        var now = TimeProvider.System.GetUtcNow();
        await SeedRunningAsync(env, "warm", WarmupRecords, now, ct);
        var warmup = await SweepAsync(env, WarmupRecords, ct);
        await SeedRunningAsync(env, "bench", n, now, ct);
        var first = await SweepAsync(env, n + WarmupRecords, ct);
        var second = await SweepAsync(env, n + WarmupRecords, ct);
        second["warmup"] = warmup;
        second["previousSweep"] = first;
        return second;
    }

    private static async Task<JsonObject> CompleteCaseAsync(int n, bool batchWrites, CancellationToken ct)
    {
        await using var cloud = await StartAsync(ct);
        using var env = await DeployAsync(cloud, batchWrites, ct);
        var machine = (await env.StepFunctions.CreateStateMachineAsync(
            new CreateStateMachineRequest { Name = "bench-sweep-park", Definition = ParkDefinition, RoleArn = env.RoleArn }, ct)).StateMachineArn;

        var park = Stopwatch.StartNew();
        var warmArns = await ParkAsync(env, machine, WarmupRecords, 0, ct);
        await RegisterParkedAsync(env, ct);
        var warmup = await SweepAsync(env, WarmupRecords, ct);
        var arns = await ParkAsync(env, machine, n, WarmupRecords, ct);
        var registered = await RegisterParkedAsync(env, ct);
        var parkSeconds = park.Elapsed.TotalSeconds;

        var sweep = await SweepAsync(env, registered, ct);
        var ended = await HttpWaits.WaitForEndAsync(env.StepFunctions, machine, ct);
        var statuses = arns.Concat(warmArns).GroupBy(a => ended.GetValueOrDefault(a, "MISSING"))
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        sweep["warmup"] = warmup;
        sweep["parkSeconds"] = Math.Round(parkSeconds, 1);
        sweep["executionStatuses"] = new JsonObject([.. statuses.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))]);
        sweep["tokenRecordStatuses"] = await CountStatusesAsync(env, ct);
        return sweep;
    }

    private static Task<LocalCloudServer> StartAsync(CancellationToken ct) =>
        LocalCloudServer.StartAsync(new LocalCloudOptions { Port = 0, ScheduleTimeScale = 1000, MinimumLogLevel = LogLevel.Warning }, ct);

    private static async Task<PocEnvironment> DeployAsync(LocalCloudServer cloud, bool batchWrites, CancellationToken ct)
    {
        // A rate schedule fires once as soon as it is created, so poc-poller-schedule goes: the only sweeps are the bench's.
        var env = PocEnvironment.ForLocalCloud(cloud.BaseUrl, 1000, RepoRoot.Find());
        await Deployer.DeployAsync(env, null, ct);
        await env.Scheduler.DeleteScheduleAsync(new DeleteScheduleRequest { Name = PocResources.PollerSchedule, GroupName = PocResources.ScheduleGroup }, ct);
        using (var http = new HttpClient())
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            wait.CancelAfter(TimeSpan.FromSeconds(120));
            while (!(await LambdaInvocations.ReadAsync(http, cloud.BaseUrl, LambdaInvocations.MaxKept, wait.Token)).Any(r => r.FunctionName == PocResources.PollerFunction))
            {
                await Task.Delay(100, wait.Token);
            }
        }

        var variables = new Dictionary<string, string>(
            (await env.Lambda.GetFunctionAsync(new GetFunctionRequest { FunctionName = PocResources.PollerFunction }, ct)).Configuration?.Environment?.Variables
            ?? new Dictionary<string, string>(),
            StringComparer.Ordinal);
        if (batchWrites)
        {
            variables["POLLER_BATCH_WRITES"] = "true";
        }

        await env.Lambda.UpdateFunctionConfigurationAsync(
            new UpdateFunctionConfigurationRequest { FunctionName = PocResources.PollerFunction, Timeout = 900, Environment = new FunctionEnvironment { Variables = variables } }, ct);
        return env;
    }

    private static async Task<JsonObject> SweepAsync(PocEnvironment env, int pending, CancellationToken ct)
    {
        // Sweeps are a minute apart on AWS; here the next one waits only until every lease the last one took has run out
        // (the poller's default lease is 10 s), so it finds every record claimable again.
        await Task.Delay(LeaseWait, ct);
        var loadBefore = BenchReport.LoadAverage();
        var cpuBefore = ProcessCpu.Snapshot();
        var watch = Stopwatch.StartNew();
        var summary = await PollerInvoker.InvokeAsync(env.Lambda, ct);
        var seconds = watch.Elapsed.TotalSeconds;
        var cpuAfter = ProcessCpu.Snapshot();
        var cpu = ProcessCpu.Between(cpuBefore, cpuAfter);
        var cpuTotal = ProcessCpu.TotalBetween(cpuBefore, cpuAfter);
        var figures = new JsonObject
        {
            ["pendingAtStart"] = pending,
            ["sweepSeconds"] = Math.Round(seconds, 2),
            ["msPer1000"] = Math.Round(seconds * 1000 / pending * 1000),
            // CPU the sweep cost: LocalCloud (this process, bench client included) and the Lambda workers (poller,
            // simulated-api). On a shared machine wall time follows the load; CPU time much less so.
            ["cpuSeconds"] = cpu,
            ["cpuMsPerRecord"] = Math.Round(cpuTotal * 1000 / pending, 3),
            ["summary"] = new JsonObject
            {
                ["checked"] = summary.Checked,
                ["completed"] = summary.Completed,
                ["failed"] = summary.Failed,
                ["maxAttempts"] = summary.MaxAttempts,
                ["timedOut"] = summary.TimedOut,
                ["stillPending"] = summary.StillPending,
                ["errors"] = summary.Errors,
            },
            ["loadAverageBefore"] = loadBefore,
            ["loadAverageAfter"] = BenchReport.LoadAverage(),
        };
        Console.WriteLine(FormattableString.Invariant(
            $"  sweep over {pending} pending: {seconds:0.00} s, cpu {cpu.ToJsonString()} ({cpuTotal * 1000 / pending:0.00} ms per record): {summary} (load {figures["loadAverageAfter"]})"));
        return figures;
    }

    private static async Task SeedRunningAsync(PocEnvironment env, string prefix, int count, DateTimeOffset now, CancellationToken ct)
    {
        var created = now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var deadline = now.AddDays(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var jobs = Enumerable.Range(0, count).Select(i => new Dictionary<string, AttributeValue>
        {
            ["jobId"] = S($"job-{prefix}-{i}"),
            ["status"] = S("RUNNING"),
            ["scenario"] = S("never"),
            ["checksToComplete"] = N("2"),
            ["checks"] = N("0"),
            ["createdAt"] = S(created),
        });
        var records = Enumerable.Range(0, count).Select(i => new Dictionary<string, AttributeValue>
        {
            ["executionArn"] = S($"arn:aws:states:us-east-1:000000000000:execution:bench-sweep:{prefix}-{i}"),
            ["jobId"] = S($"job-{prefix}-{i}"),
            ["taskToken"] = S($"never-called-back-{prefix}-{i}"),
            ["status"] = S("PENDING"),
            ["attempts"] = N("0"),
            ["maxAttempts"] = N("1000"),
            ["deadline"] = N(deadline),
            ["createdAt"] = S(created),
            ["updatedAt"] = S(created),
        });
        await PutAllAsync(env, PocResources.JobsTable, jobs, ct);
        await PutAllAsync(env, PocResources.TokensTable, records, ct);
    }

    /// <summary>
    /// Starts <paramref name="count"/> executions and returns once each has created its job in poc-jobs (the table held
    /// <paramref name="jobsBefore"/>): the job is created by the Lambda the execution then waits on.
    /// </summary>
    private static async Task<string[]> ParkAsync(PocEnvironment env, string machine, int count, int jobsBefore, CancellationToken ct)
    {
        using var gate = new SemaphoreSlim(16);
        var arns = await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
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
        await HttpWaits.WaitForItemsAsync(env, PocResources.JobsTable, jobsBefore + count, ct);
        return arns;
    }

    /// <summary>Writes a PENDING token record for every parked job that has none yet; returns how many are PENDING.</summary>
    private static async Task<int> RegisterParkedAsync(PocEnvironment env, CancellationToken ct)
    {
        var now = TimeProvider.System.GetUtcNow();
        var created = now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var deadline = now.AddDays(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var records = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await env.DynamoDb.ScanAsync(new ScanRequest
            {
                TableName = PocResources.JobsTable,
                FilterExpression = "#s = :running",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#s"] = "status" },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":running"] = S("RUNNING") },
                ExclusiveStartKey = start,
            }, ct);
            foreach (var job in page.Items)
            {
                var parts = job["clientToken"].S.Split('|', 2);
                records.Add(new Dictionary<string, AttributeValue>
                {
                    ["executionArn"] = S(parts[0]),
                    ["jobId"] = job["jobId"],
                    ["taskToken"] = S(parts[1]),
                    ["status"] = S("PENDING"),
                    ["attempts"] = N("0"),
                    ["maxAttempts"] = N("10"),
                    ["deadline"] = N(deadline),
                    ["createdAt"] = S(created),
                    ["updatedAt"] = S(created),
                });
            }

            start = page.LastEvaluatedKey is { Count: > 0 } key ? key : null;
        }
        while (start is not null);
        await PutAllAsync(env, PocResources.TokensTable, records, ct);
        return records.Count;
    }

    private static async Task PutAllAsync(PocEnvironment env, string table, IEnumerable<Dictionary<string, AttributeValue>> items, CancellationToken ct)
    {
        // BatchWriteItem takes at most 25 puts: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html
        await Parallel.ForEachAsync(items.Chunk(25), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (chunk, c) =>
        {
            var requests = new Dictionary<string, List<WriteRequest>>
            {
                [table] = [.. chunk.Select(item => new WriteRequest { PutRequest = new PutRequest { Item = item } })],
            };
            while (requests.Count > 0)
            {
                var response = await env.DynamoDb.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = requests }, c);
                requests = response.UnprocessedItems is { Count: > 0 } rest ? rest : [];
            }
        });
    }

    private static async Task<JsonObject> CountStatusesAsync(PocEnvironment env, CancellationToken ct)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await env.DynamoDb.ScanAsync(new ScanRequest { TableName = PocResources.TokensTable, ExclusiveStartKey = start }, ct);
            foreach (var item in page.Items)
            {
                counts[item["status"].S] = counts.GetValueOrDefault(item["status"].S) + 1;
            }

            start = page.LastEvaluatedKey is { Count: > 0 } key ? key : null;
        }
        while (start is not null);
        return new JsonObject([.. counts.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))]);
    }

    private static AttributeValue S(string value) => new() { S = value };

    private static AttributeValue N(string value) => new() { N = value };
}
