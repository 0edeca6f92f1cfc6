using Poc.Cli.Cost;
using Poc.Cli.Endpoints;

namespace Poc.Cli.Monitor;

/// <summary>Turns LocalCloud's usage counters and recent invocations into the Lambda panel.</summary>
public static class LambdaActivityReader
{
    /// <summary>How many recent invocations are read to count errors: all LocalCloud keeps.</summary>
    public const int RecentRead = 500;

    /// <summary>The panel's data, or a note when the endpoint offers none.</summary>
    public static LambdaActivity Read(MonitorSources sources, IReadOnlyList<UsageReading> usage, IReadOnlyList<LambdaInvocation> recent, int recentShown)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(recent);
        if (sources.Usage is null && sources.RecentInvocations is null)
        {
            return LambdaActivity.Unavailable(sources.Kind == EndpointKind.Aws ? MonitorMessages.LambdaOnAws : MonitorMessages.LambdaOnOtherEmulator);
        }

        var requests = Sum(usage, "Requests");
        var gbSeconds = Sum(usage, "GBSeconds");
        var names = requests.Keys.Concat(recent.Select(r => r.FunctionName)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var functions = names.Select(name => new FunctionActivity(
                name,
                (long)requests.GetValueOrDefault(name),
                sources.RecentInvocations is null ? null : recent.Count(r => r.FunctionName == name && r.ErrorType is not null),
                gbSeconds.GetValueOrDefault(name)))
            .ToList();
        var note = sources.RecentInvocations is null ? MonitorMessages.LambdaFromUsage : MonitorMessages.LambdaFromLocalCloud(recent.Count);
        return new LambdaActivity(functions, [.. recent.Take(recentShown)], note);
    }

    private static Dictionary<string, double> Sum(IReadOnlyList<UsageReading> usage, string metric)
        => usage.Where(r => r.Service == "lambda" && r.Metric == metric)
            .GroupBy(r => r.Resource, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Amount), StringComparer.Ordinal);
}
