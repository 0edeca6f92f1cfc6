using System.Diagnostics;
using System.Text.Json.Nodes;
using LocalCloud;
using Microsoft.Extensions.Logging;
using Poc.Bench.Support;
using Poc.Cli.Deploy;
using Poc.Cli.Endpoints;

namespace Poc.Bench.Sections;

/// <summary>poc deploy's time with the function package already built: to a fresh LocalCloud, then again (all unchanged).</summary>
public static class DeployBench
{
    public static async Task RunAsync(BenchReport report, CancellationToken ct)
    {
        var root = RepoRoot.Find();
        var watch = Stopwatch.StartNew();
        var package = await PackageBuilder.BuildAsync(new PackageLayout(root), null, ct);
        var packageMs = watch.Elapsed.TotalMilliseconds;

        await using var cloud = await LocalCloudServer.StartAsync(new LocalCloudOptions { Port = 0, MinimumLogLevel = LogLevel.Warning }, ct);
        using var env = PocEnvironment.ForLocalCloud(cloud.BaseUrl, 1.0, root);
        var fresh = await Deployer.DeployAsync(env, null, ct);
        var again = await Deployer.DeployAsync(env, null, ct);

        static JsonObject Steps(DeployResult r) => new()
        {
            ["totalMs"] = LatencyStats.Round(r.Elapsed.TotalMilliseconds),
            ["resources"] = new JsonArray([.. r.Resources.Select(x => (JsonNode)new JsonObject
            {
                ["kind"] = x.Kind,
                ["name"] = x.Name,
                ["change"] = x.Change.ToString(),
                ["ms"] = LatencyStats.Round(x.Elapsed.TotalMilliseconds),
            })]),
        };
        report.Section("deploy", new JsonObject
        {
            ["method"] = "Poc.Cli Deployer.DeployAsync against an in-process LocalCloud; package built beforehand",
            ["packageCheckMs"] = LatencyStats.Round(packageMs),
            ["packageRebuiltBeforeMeasuring"] = package.Rebuilt,
            ["toFreshLocalCloud"] = Steps(fresh),
            ["redeployUnchanged"] = Steps(again),
        });
        report.Row("deploy", "warm package → fresh LocalCloud (2 tables, 3 functions, 2 machines, 1 schedule)", FormattableString.Invariant($"{fresh.Elapsed.TotalMilliseconds:0} ms"));
        report.Row("deploy", "redeploy, everything unchanged", FormattableString.Invariant($"{again.Elapsed.TotalMilliseconds:0} ms"));
    }
}
