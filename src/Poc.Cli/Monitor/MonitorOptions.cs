using System.CommandLine;
using System.Globalization;
using Poc.Cli.Cli;
using Poc.Cli.Endpoints;

namespace Poc.Cli.Monitor;

/// <summary>The monitor command: --watch and --interval on top of the endpoint options every command takes.</summary>
public static class MonitorOptions
{
    /// <summary>Builds `poc monitor`, calling <paramref name="handler"/> with the parsed arguments.</summary>
    public static Command Build(Func<MonitorArgs, CancellationToken, Task<int>>? handler, Func<ParseResult, EndpointSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var watch = new Option<bool>("--watch") { Description = Messages.WatchOption };
        var interval = new Option<double>("--interval")
        {
            Description = Messages.IntervalOption,
            HelpName = "SECONDS",
            DefaultValueFactory = _ => MonitorArgs.DefaultIntervalSeconds,
            CustomParser = r =>
            {
                var text = r.Tokens.Single().Value;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && double.IsFinite(seconds))
                {
                    return seconds;
                }

                r.AddError(Messages.MustBePositiveSeconds("--interval", text));
                return MonitorArgs.DefaultIntervalSeconds;
            },
        };
        var monitor = new Command("monitor", Messages.MonitorDescription) { watch, interval };
        monitor.SetAction((r, ct) => (handler ?? throw new InvalidOperationException("poc monitor has no handler wired in CommandHandlers."))(
            new MonitorArgs(settings(r), r.GetValue(watch), r.GetValue(interval)), ct));
        return monitor;
    }
}
