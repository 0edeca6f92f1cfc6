using System.Text.Json.Nodes;
using Poc.Bench;

namespace Poc.Cli.Tests.Bench;

public sealed class BenchRunnerTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("poc-bench-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task RunAsync_StartupSection_WritesJsonWithMachineOptionsAndFigures()
    {
        var path = Path.Combine(folder, "nested", "results.json");
        var lines = new List<string>();
        var options = BenchOptions.Parse(["--section", "startup", "--output", path]);

        var written = await BenchRunner.RunAsync(options, lines.Add, TimeProvider.System, TestContext.Current.CancellationToken);

        Assert.Equal(path, written);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken))!.AsObject();
        Assert.True(DateTimeOffset.TryParse(json["generatedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Equal(Environment.ProcessorCount, json["machine"]!["processors"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(json["machine"]!["loadAverageBefore"]!.GetValue<string>()));
        Assert.Equal(["startup"], json["options"]!["sections"]!.AsArray().Select(s => s!.GetValue<string>()));

        var startup = json["sections"]!.AsObject();
        Assert.Equal(["startup"], startup.Select(kv => kv.Key));
        Assert.True(startup["startup"]!["firstInProcessMs"]!.GetValue<double>() > 0);
        Assert.Equal(4, startup["startup"]!["laterRunsMs"]!.AsArray().Count);
        Assert.True(startup["startup"]!["laterRunsMedianMs"]!.GetValue<double>() > 0);
        // The host as its own process: beside poc in a build, so measured here.
        var process = startup["startup"]!["process"]!;
        Assert.Null(process["problem"]);
        Assert.True(process["readyMedianMs"]!.GetValue<double>() > 0);
        Assert.Equal(5, process["idleRssMiB"]!.AsArray().Count);

        // The table: header plus one row per headline figure, as docs/performance.md quotes it.
        var printed = lines.SelectMany(l => l.Split(Environment.NewLine)).ToList();
        Assert.Contains("| Section | Figure | Value | Target |", printed);
        Assert.Equal(4, printed.Count(l => l.StartsWith("| start-up |", StringComparison.Ordinal)));
        Assert.Contains(printed, l => l.Contains(path, StringComparison.Ordinal));
    }
}
