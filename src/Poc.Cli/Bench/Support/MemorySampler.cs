using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Poc.Bench.Support;

/// <summary>
/// Samples this process (LocalCloud runs in it) and its child processes (the Lambda workers) every half second:
/// peak working set, GC heap, and the workers' summed peak resident set from /proc. Summed VmRSS counts the pages
/// every dotnet worker shares (the runtime's and the framework's mapped files, about 49 MiB each) once per worker, so
/// the proportional set (Pss: each shared page divided among the processes mapping it) is sampled beside it: its sum
/// is the memory the application occupies.
/// </summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peakManagedHeap;
    private long _peakWorkersRss;
    private int _peakWorkers;
    private long _peakTotalRss;
    private long _peakWorkersPss;
    private long _peakTotalPss;

    public MemorySampler() => _loop = Task.Run(() => LoopAsync(_stop.Token));

    public JsonObject ToJson()
    {
        using var self = Process.GetCurrentProcess();
        var gc = GC.GetGCMemoryInfo();
        return new JsonObject
        {
            ["processPeakWorkingSetMiB"] = Mib(self.PeakWorkingSet64),
            ["processWorkingSetNowMiB"] = Mib(self.WorkingSet64),
            ["gcPeakHeapSampledMiB"] = Mib(_peakManagedHeap),
            ["gcHeapNowMiB"] = Mib(GC.GetTotalMemory(false)),
            ["gcCommittedNowMiB"] = Mib(gc.TotalCommittedBytes),
            ["gcGen2Collections"] = GC.CollectionCount(2),
            ["lambdaWorkersPeakCount"] = _peakWorkers,
            ["lambdaWorkersPeakRssSumMiB"] = Mib(_peakWorkersRss),
            // This process and its workers sampled at the same tick: the whole application's peak (issue #17: < 1.5 GiB).
            ["totalPeakRssMiB"] = Mib(_peakTotalRss),
            ["lambdaWorkersPeakPssSumMiB"] = Mib(_peakWorkersPss),
            // The same, each shared page counted once over all the processes that map it.
            ["totalPeakPssMiB"] = Mib(_peakTotalPss),
        };
    }

    public static long PeakWorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
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
            _peakManagedHeap = Math.Max(_peakManagedHeap, GC.GetTotalMemory(false));
            var (count, rss, pss) = ChildRss(Environment.ProcessId);
            _peakWorkers = Math.Max(_peakWorkers, count);
            _peakWorkersRss = Math.Max(_peakWorkersRss, rss);
            _peakTotalRss = Math.Max(_peakTotalRss, RssBytes(Environment.ProcessId) + rss);
            _peakWorkersPss = Math.Max(_peakWorkersPss, pss);
            _peakTotalPss = Math.Max(_peakTotalPss, PssBytes(Environment.ProcessId) + pss);
        }
    }

    /// <summary>VmRSS of one process in MiB; zero where /proc is missing or the process is gone.</summary>
    public static double RssMiB(int pid) => Mib(RssBytes(pid));

    private static long RssBytes(int pid) => KiloBytesField($"/proc/{pid}/status", "VmRSS:");

    /// <summary>Pss of one process from /proc/{pid}/smaps_rollup (Linux 4.14+); zero where it is missing or the process is gone.</summary>
    private static long PssBytes(int pid) => KiloBytesField($"/proc/{pid}/smaps_rollup", "Pss:");

    // A "Name:   1234 kB" line of a /proc file, in bytes; zero where the file or the line is missing (the process is gone).
    private static long KiloBytesField(string path, string name)
    {
        try
        {
            var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[name.Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Sums of VmRSS and of Pss of the direct children (Lambda workers); Linux only, zero elsewhere.</summary>
    private static (int Count, long Rss, long Pss) ChildRss(int parent)
    {
        if (!Directory.Exists("/proc"))
        {
            return (0, 0, 0);
        }

        var count = 0;
        long total = 0;
        long pssTotal = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            try
            {
                var status = File.ReadAllLines(Path.Combine(dir, "status"));
                var ppid = status.FirstOrDefault(l => l.StartsWith("PPid:", StringComparison.Ordinal));
                if (ppid is null || int.Parse(ppid[5..].Trim(), CultureInfo.InvariantCulture) != parent)
                {
                    continue;
                }

                var rss = status.FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                if (rss is not null)
                {
                    count++;
                    total += long.Parse(rss[6..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) * 1024;
                    pssTotal += PssBytes(int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture));
                }
            }
            catch (IOException)
            {
                // The process ended while we read it.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours.
            }
        }

        return (count, total, pssTotal);
    }

    private static double Mib(long bytes) => Math.Round(bytes / 1024.0 / 1024.0, 1);
}
