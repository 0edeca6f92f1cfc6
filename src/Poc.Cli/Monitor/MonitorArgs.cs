using Poc.Cli.Endpoints;

namespace Poc.Cli.Monitor;

/// <summary>monitor's arguments after parsing.</summary>
/// <param name="Endpoint">Where to look.</param>
/// <param name="Watch">Refresh every <paramref name="IntervalSeconds"/> until Ctrl+C, instead of printing once.</param>
/// <param name="IntervalSeconds">Seconds between refreshes with <paramref name="Watch"/>.</param>
public sealed record MonitorArgs(EndpointSettings Endpoint, bool Watch, double IntervalSeconds)
{
    /// <summary>The refresh interval when --interval is not given.</summary>
    public const double DefaultIntervalSeconds = 2;
}
