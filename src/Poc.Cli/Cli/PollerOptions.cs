using System.CommandLine;
using System.Globalization;

namespace Poc.Cli.Cli;

/// <summary>--poll-interval, --trigger-poller and --timeout, shared by run and test.</summary>
internal sealed class PollerOptions
{
    private readonly Option<double?> pollInterval = PositiveSeconds("--poll-interval", Messages.PollIntervalOption);
    private readonly Option<bool?> triggerPoller = new("--trigger-poller") { Description = Messages.TriggerPollerOption };
    private readonly Option<double?> timeout = PositiveSeconds("--timeout", Messages.TimeoutOption);

    public void AddTo(Command command)
    {
        command.Options.Add(pollInterval);
        command.Options.Add(triggerPoller);
        command.Options.Add(timeout);
    }

    public PollerArgs Read(ParseResult result)
        => new(result.GetValue(pollInterval), result.GetValue(triggerPoller), result.GetValue(timeout));

    private static Option<double?> PositiveSeconds(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "SECONDS",
        CustomParser = r =>
        {
            var text = r.Tokens.Single().Value;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && double.IsFinite(seconds))
            {
                return seconds;
            }

            r.AddError(Messages.MustBePositiveSeconds(name, text));
            return null;
        },
    };
}
