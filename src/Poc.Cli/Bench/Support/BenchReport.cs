using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Poc.Bench.Support;

/// <summary>
/// Everything one bench run measured: a JSON document (out/bench/results.json) plus a table of the headline figures.
/// bench/LocalCloud.Benchmarks compiles this file too, so the engine benchmarks report alike.
/// </summary>
public sealed class BenchReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly JsonObject _sections = [];
    private readonly List<(string Section, string Figure, string Value, string Target)> _rows = [];

    public void Section(string name, JsonObject figures) => _sections[name] = figures;

    public void Row(string section, string figure, string value, string target = "") => _rows.Add((section, figure, value, target));

    public JsonObject ToJson(JsonObject options, string loadBefore, string loadAfter) => new()
    {
        ["generatedAt"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["machine"] = new JsonObject
        {
            ["processors"] = Environment.ProcessorCount,
            ["os"] = RuntimeInformation.OSDescription,
            ["runtime"] = RuntimeInformation.FrameworkDescription,
            ["loadAverageBefore"] = loadBefore,
            ["loadAverageAfter"] = loadAfter,
        },
        ["options"] = options.DeepClone(),
        ["sections"] = _sections.DeepClone(),
    };

    public async Task WriteAsync(string path, JsonObject options, string loadBefore, string loadAfter, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, ToJson(options, loadBefore, loadAfter).ToJsonString(Indented), ct);
    }

    /// <summary>A Markdown table, so the output pastes straight into docs/performance.md.</summary>
    public string Table()
    {
        var lines = new List<string> { "| Section | Figure | Value | Target |", "|---|---|---|---|" };
        lines.AddRange(_rows.Select(r => $"| {r.Section} | {r.Figure} | {r.Value} | {r.Target} |"));
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>The 1-, 5- and 15-minute load averages: the machine is shared, so every figure is read against them.</summary>
    public static string LoadAverage()
        => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
