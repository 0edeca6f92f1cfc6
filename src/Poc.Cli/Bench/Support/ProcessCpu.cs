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
    public static Dictionary<string, double> Snapshot()
    {
        // /proc/[pid]/stat fields 14 and 15 (utime, stime) in clock ticks, 100 per second on Linux (USER_HZ).
        static double Of(string stat)
        {
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }

        var cpu = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!Directory.Exists("/proc"))
        {
            return cpu;
        }

        var self = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        cpu["localCloud"] = Of(File.ReadAllText($"/proc/{self}/stat"));
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
                cpu[kind] = cpu.GetValueOrDefault(kind) + Of(stat);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
            {
                // Processes come and go while /proc is listed.
            }
        }

        return cpu;
    }

    /// <summary>CPU seconds spent between two snapshots, per process kind.</summary>
    public static JsonObject Between(Dictionary<string, double> before, Dictionary<string, double> after) =>
        new([.. after.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)Math.Round(Math.Max(0, c.Value - before.GetValueOrDefault(c.Key)), 2)))]);

    public static double TotalBetween(Dictionary<string, double> before, Dictionary<string, double> after) =>
        after.Sum(c => Math.Max(0, c.Value - before.GetValueOrDefault(c.Key)));
}
