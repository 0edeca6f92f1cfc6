using System.Globalization;
using System.Text.Json.Nodes;

namespace Poc.Bench.Support;

/// <summary>
/// User + system CPU seconds of this process (LocalCloud and the bench) and of each kind of Lambda worker (its child
/// processes, told apart by their _HANDLER), from /proc. On a shared machine wall time follows the load; CPU time much
/// less so, which makes it the figure to compare between runs. Workers that exited between two snapshots are lost, so a
/// phase's figure is a lower bound when workers come and go.
/// </summary>
public static class ProcessCpu
{
    public static Dictionary<string, double> Snapshot() => Sum(PerProcess());

    /// <summary>CPU seconds so far of this process and of each live child: pid → (kind, seconds).</summary>
    public static Dictionary<int, (string Kind, double Seconds)> PerProcess()
    {
        // /proc/[pid]/stat fields 14 and 15 (utime, stime) in clock ticks, 100 per second on Linux (USER_HZ).
        static double Of(string stat)
        {
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }

        var cpu = new Dictionary<int, (string Kind, double Seconds)>();
        if (!Directory.Exists("/proc"))
        {
            return cpu;
        }

        var self = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        cpu[Environment.ProcessId] = ("localCloud", Of(File.ReadAllText($"/proc/{self}/stat")));
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                if (stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1] != self)
                {
                    continue;
                }

                var handler = File.ReadAllText(Path.Combine(dir, "environ")).Split('\0').FirstOrDefault(v => v.StartsWith("_HANDLER=", StringComparison.Ordinal));
                var kind = handler is null ? "otherChildren" : handler.Split('.')[^1].Split("::")[0];
                cpu[int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture)] = (kind, Of(stat));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException or FormatException)
            {
                // Processes come and go while /proc is listed.
            }
        }

        return cpu;
    }

    private static Dictionary<string, double> Sum(IEnumerable<(string Kind, double Seconds)> processes)
    {
        var cpu = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (kind, seconds) in processes)
        {
            cpu[kind] = cpu.GetValueOrDefault(kind) + seconds;
        }

        return cpu;
    }

    private static Dictionary<string, double> Sum(Dictionary<int, (string Kind, double Seconds)> processes) => Sum(processes.Values);

    /// <summary>CPU seconds spent between two snapshots, per process kind.</summary>
    public static JsonObject Between(Dictionary<string, double> before, Dictionary<string, double> after) =>
        new([.. after.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)Math.Round(Math.Max(0, c.Value - before.GetValueOrDefault(c.Key)), 2)))]);

    public static double TotalBetween(Dictionary<string, double> before, Dictionary<string, double> after) =>
        after.Sum(c => Math.Max(0, c.Value - before.GetValueOrDefault(c.Key)));

    /// <summary>
    /// Samples every half second and remembers each child's last figure, so workers that LocalCloud stops in between
    /// (idle workers are reaped) still count: a snapshot is the total so far, less at most half a second of each
    /// worker that has gone.
    /// </summary>
    public sealed class Tracker : IAsyncDisposable
    {
        private readonly Dictionary<int, (string Kind, double Seconds)> _seen = [];
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public Tracker() => _loop = Task.Run(() => LoopAsync(_stop.Token));

        public Dictionary<string, double> Snapshot()
        {
            var now = PerProcess();
            lock (_seen)
            {
                foreach (var (pid, figure) in now)
                {
                    _seen[pid] = figure;
                }

                return Sum(_seen);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
                // Stopping is the point.
            }

            _stop.Dispose();
        }

        private async Task LoopAsync(CancellationToken ct)
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
            while (await timer.WaitForNextTickAsync(ct))
            {
                Snapshot();
            }
        }
    }
}
