using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Poc.Cli.Endpoints;

namespace Poc.Bench.Support;

/// <summary>
/// Collects every poc-poller invocation from LocalCloud's recent-invocations list (GET /_localcloud/lambda/invocations,
/// which keeps only the last 500, hence the frequent sampling) together with how many records were PENDING when each began.
/// </summary>
public sealed class PollerWatcher(Func<CancellationToken, Task<IReadOnlyList<LambdaInvocation>>> recent, Func<CancellationToken, Task<int>> countPending) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, LambdaInvocation> _sweeps = new(StringComparer.Ordinal);
    private readonly List<(DateTimeOffset At, int Pending)> _pending = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _loops;

    public void Start() => _loops = Task.WhenAll(Task.Run(() => RecordsAsync(_stop.Token)), Task.Run(() => PendingAsync(_stop.Token)));

    public async Task<IReadOnlyList<(LambdaInvocation Sweep, int? PendingAtStart)>> SweepsAsync(CancellationToken ct)
    {
        await CollectAsync(ct);
        lock (_pending)
        {
            return [.. _sweeps.Values.OrderBy(s => s.Start).Select(s => (s, _pending.LastOrDefault(p => p.At <= s.Start) is { At.Ticks: > 0 } p ? p.Pending : (int?)null))];
        }
    }

    public JsonArray PendingTimeline(DateTimeOffset origin)
    {
        lock (_pending)
        {
            return [.. _pending.Select(p => (JsonNode)new JsonArray(Math.Round((p.At - origin).TotalSeconds, 1), p.Pending))];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await (_loops ?? Task.CompletedTask);
        }
        catch (OperationCanceledException)
        {
            // Stopping is the point.
        }

        _stop.Dispose();
    }

    private async Task CollectAsync(CancellationToken ct)
    {
        foreach (var record in (await recent(ct)).Where(r => r.FunctionName == "poc-poller"))
        {
            _sweeps.TryAdd(record.RequestId, record);
        }
    }

    private async Task RecordsAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await timer.WaitForNextTickAsync(ct))
        {
            await CollectAsync(ct);
        }
    }

    private async Task PendingAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(ct))
        {
            var at = TimeProvider.System.GetUtcNow();
            var count = await countPending(ct);
            lock (_pending)
            {
                _pending.Add((at, count));
            }
        }
    }
}
