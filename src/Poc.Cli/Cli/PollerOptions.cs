using System.CommandLine;

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

    private static Option<double?> PositiveSeconds(string name, string description)
    {
        var option = new Option<double?>(name) { Description = description, HelpName = "SECONDS" };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is <= 0)
            {
                r.AddError(Messages.MustBePositive(name));
            }
        });
        return option;
    }
}
