using System.CommandLine;
using System.Globalization;
using Poc.Cli.Cli;
using Poc.Cli.Cost;
using Poc.Cli.Endpoints;

namespace Poc.Cli.Report;

/// <summary>The `poc report` command line: workload options for the cost model and the output folder.</summary>
public static class ReportCommand
{
    /// <summary>Builds the command; <paramref name="endpoint"/> gives the --endpoint the user typed, or null when defaulted.</summary>
    public static Command Build(Func<ReportArgs, CancellationToken, Task<int>> handler, Func<ParseResult, EndpointSettings?> endpoint)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(endpoint);
        var defaults = CostInputs.Defaults;
        var jobs = Positive("--jobs-per-month", Messages.JobsPerMonthOption, defaults.JobsPerMonth);
        var minutes = Positive("--job-minutes", Messages.JobMinutesOption, defaults.AverageJobDuration.TotalMinutes);
        var poll = Positive("--poll-minutes", Messages.PollMinutesOption, defaults.PollInterval.TotalMinutes);
        var folder = new Option<string>("--out") { Description = Messages.OutOption, DefaultValueFactory = _ => ReportWriter.DefaultFolder, HelpName = "DIR" };
        var figures = new Option<string?>("--figures") { Description = Messages.FiguresOption, HelpName = "FILE" };
        var command = new Command("report", Messages.ReportDescription) { jobs, minutes, poll, folder, figures };
        command.SetAction((r, ct) => handler(
            new ReportArgs(
                endpoint(r),
                new CostInputs(r.GetValue(jobs), TimeSpan.FromMinutes(r.GetValue(minutes)), TimeSpan.FromMinutes(r.GetValue(poll))),
                r.GetValue(folder) ?? ReportWriter.DefaultFolder,
                r.GetValue(figures)),
            ct));
        return command;
    }

    private static Option<double> Positive(string name, string description, double defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r =>
        {
            var text = r.Tokens.Single().Value;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value))
            {
                return value;
            }

            r.AddError(Messages.MustBePositiveNumber(name, text));
            return defaultValue;
        },
    };
}
