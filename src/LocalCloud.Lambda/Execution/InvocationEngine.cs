using System.Collections.Concurrent;
using System.Globalization;
using LocalCloud.Core.Usage;
using LocalCloud.Lambda.Functions;
using Microsoft.Extensions.Logging;

namespace LocalCloud.Lambda.Execution;

/// <summary>
/// Runs invocations on the pools of warm workers, one pool per function revision, and accounts for them:
/// the log's END/REPORT lines, usage (Requests, GB-seconds) and the list of recent invocations.
/// </summary>
internal sealed class InvocationEngine : IAsyncDisposable
{
    private const int RecentLimit = 500;

    private readonly LambdaOptions _options;
    private readonly TimeProvider _time;
    private readonly UsageMeter _usage;
    private readonly ILogger _logger;
    private readonly WorkerLauncher _launcher;
    private readonly ConcurrentDictionary<string, FunctionPool> _pools = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<LambdaInvocationRecord> _recent = new();
    private readonly Lock _poolLock = new();

    public InvocationEngine(LambdaOptions options, TimeProvider time, UsageMeter usage, ILogger logger)
    {
        _options = options;
        _time = time;
        _usage = usage;
        _logger = logger;
        _launcher = new WorkerLauncher(options, time);
        RuntimeApi = new RuntimeApi(Workers, time);
    }

    public WorkerRegistry Workers { get; } = new();

    public RuntimeApi RuntimeApi { get; }

    public IReadOnlyList<LambdaInvocationRecord> Recent(int max) => _recent.Reverse().Take(max).ToList();

    public int WorkerCount(string functionArn) => _pools.TryGetValue(functionArn, out var pool) ? pool.WorkerCount : 0;

    /// <summary>Runs one invocation to its end (never throws for function failures: they are in the outcome).</summary>
    public async Task<(InvocationOutcome Outcome, Invocation Invocation)> RunAsync(FunctionRecord function, string requestId, ReadOnlyMemory<byte> payload, string invocationType)
    {
        _usage.Add("lambda", "Requests", function.FunctionName);
        var invocation = new Invocation(requestId, function.QualifiedArn, payload, TimeSpan.FromSeconds(function.Timeout), _time) { Version = function.Version };
        var start = _time.GetUtcNow();
        string? workerId = null;
        var outcome = await PoolFor(function).RunAsync(invocation, w => workerId = w.Id).ConfigureAwait(false);
        Account(function, invocation, outcome, invocationType, start, workerId);
        return (outcome, invocation);
    }

    /// <summary>
    /// The function's code or configuration changed, or it was deleted: its warm workers must go. With
    /// <paramref name="deleteCode"/>, the code the pool ran is deleted once its last invocation ends.
    /// </summary>
    /// <returns>False when the function had no pool (it never ran).</returns>
    public bool Retire(string functionArn, bool deleteCode)
    {
        FunctionPool? pool;
        lock (_poolLock)
        {
            _pools.TryRemove(functionArn, out pool);
        }
        if (pool is null)
        {
            return false;
        }
        RetirePool(pool, deleteCode);
        return true;
    }

    /// <summary>
    /// An update replaced <paramref name="code"/>: the pool running it (if still current) is retired and the code
    /// deleted once it drains. A pool on newer code already retired the old one itself.
    /// </summary>
    public void RetireCode(string functionArn, FunctionCode code)
    {
        lock (_poolLock)
        {
            if (_pools.TryGetValue(functionArn, out var pool))
            {
                if (pool.Function.Code == code)
                {
                    _pools.TryRemove(functionArn, out _);
                    RetirePool(pool, deleteCode: true);
                }
                return;
            }
        }
        CodePackage.Delete(code);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var arn in _pools.Keys.ToList())
        {
            if (_pools.TryRemove(arn, out var pool))
            {
                pool.Shutdown();
            }
        }
        return ValueTask.CompletedTask;
    }

    private FunctionPool PoolFor(FunctionRecord function)
    {
        lock (_poolLock)
        {
            // Each published version has its own pool (its own code and configuration), keyed by its qualified ARN.
            if (_pools.TryGetValue(function.QualifiedArn, out var pool) && pool.Function.RevisionId == function.RevisionId && pool.Function.Code == function.Code)
            {
                return pool;
            }
            var fresh = new FunctionPool(function, _options, _launcher, Workers, _time, _logger);
            _pools[function.QualifiedArn] = fresh;
            if (pool is not null)
            {
                RetirePool(pool, deleteCode: pool.Function.Code.TaskRoot != function.Code.TaskRoot);
            }
            return fresh;
        }
    }

    private static void RetirePool(FunctionPool pool, bool deleteCode)
    {
        pool.Retire();
        if (deleteCode)
        {
            _ = pool.Drained.ContinueWith(_ => CodePackage.Delete(pool.Function.Code), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Lambda's REPORT line, tab-separated as CloudWatch shows it; "Status" and "Error Type" are added when the
    /// environment itself failed (timeout, crash, init error), not for an error the function returned.
    /// </summary>
    private static string ReportLine(FunctionRecord function, Invocation invocation, InvocationOutcome outcome, TimeSpan duration, long billedMs)
    {
        var report = string.Create(CultureInfo.InvariantCulture,
            $"REPORT RequestId: {invocation.RequestId}\tDuration: {duration.TotalMilliseconds:0.00} ms\tBilled Duration: {billedMs} ms\tMemory Size: {function.MemorySize} MB\tMax Memory Used: {invocation.MaxMemoryUsedMb} MB\t");
        if (invocation.InitDuration is { } initDuration)
        {
            report += string.Create(CultureInfo.InvariantCulture, $"Init Duration: {initDuration.TotalMilliseconds:0.00} ms\t");
        }
        report += outcome.Kind switch
        {
            OutcomeKind.Timeout => "Status: timeout\t",
            OutcomeKind.InitError or OutcomeKind.RuntimeFailure => $"Status: error\tError Type: {outcome.ErrorType}\t",
            _ => string.Empty,
        };
        return report;
    }

    private void Account(FunctionRecord function, Invocation invocation, InvocationOutcome outcome, string invocationType, DateTimeOffset start, string? workerId)
    {
        // Event handed to the runtime → its answer, as AWS measures Duration: not the wait for the last log lines after it.
        var duration = invocation.DeliveredAt is { } delivered ? _time.GetElapsedTime(delivered, invocation.CompletedAt) : TimeSpan.Zero;
        var init = invocation.InitDuration;
        // Billed duration is rounded up to the millisecond; since August 2025 AWS bills the INIT phase of
        // on-demand functions too (https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/).
        var billedMs = (long)Math.Ceiling((duration + (init ?? TimeSpan.Zero)).TotalMilliseconds);
        _usage.Add("lambda", "GBSeconds", function.FunctionName, function.MemorySize / 1024.0 * billedMs / 1000.0);

        var log = invocation.Log;
        log.AppendLine($"END RequestId: {invocation.RequestId}");
        log.AppendLine(ReportLine(function, invocation, outcome, duration, billedMs));
        if (outcome is { Kind: OutcomeKind.RuntimeFailure, ErrorMessage: { } message, ErrorType: { } type })
        {
            // After REPORT, AWS logs why the environment failed and the error type, e.g. "RequestId: <id> Error: Runtime
            // exited with error: signal: killed" then "Runtime.ExitError"
            // (as in https://github.com/aws/aws-lambda-python-runtime-interface-client/issues/10).
            log.AppendLine(message);
            log.AppendLine(type);
        }

        _recent.Enqueue(new LambdaInvocationRecord(function.FunctionName, invocation.RequestId, invocationType, start, duration, billedMs, init, outcome.ErrorType, workerId) { Log = log.Tail() });
        while (_recent.Count > RecentLimit && _recent.TryDequeue(out _))
        {
        }
    }
}
