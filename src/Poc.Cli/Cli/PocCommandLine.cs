using System.CommandLine;
using System.Globalization;
using System.CommandLine.Parsing;
using Poc.Cli.Endpoints;
using Poc.Cli.Scenarios;

namespace Poc.Cli.Cli;

/// <summary>The command tree: deploy, run, poll, test, demo, with the endpoint options shared by all.</summary>
public static class PocCommandLine
{
    /// <summary>Builds the tree; <paramref name="env"/> supplies the defaults the AWS CLI would read from the environment.</summary>
    public static RootCommand Build(CommandHandlers handlers, Func<string, string?> env)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        var defaults = EndpointSettings.FromEnvironment(env);

        var endpoint = new Option<string>("--endpoint")
        {
            Description = Messages.EndpointOption,
            DefaultValueFactory = _ => defaults.Endpoint,
            Recursive = true,
            HelpName = "URL",
        };
        endpoint.Validators.Add(ValidateEndpoint);
        var region = new Option<string>("--region")
        {
            Description = Messages.RegionOption,
            DefaultValueFactory = _ => defaults.Region,
            Recursive = true,
        };
        var roleArn = new Option<string>("--role-arn")
        {
            Description = Messages.RoleArnOption,
            DefaultValueFactory = _ => defaults.RoleArn,
            Recursive = true,
            HelpName = "ARN",
        };

        var queryLanguage = new Option<string>("--query-language")
        {
            Description = Messages.QueryLanguageOption,
            DefaultValueFactory = _ => "JSONPath",
            Recursive = true,
        };
        queryLanguage.AcceptOnlyFromAmong([.. Deploy.WorkflowFlavours.Names]);

        var root = new RootCommand(Messages.RootDescription);
        root.Options.Add(endpoint);
        root.Options.Add(region);
        root.Options.Add(roleArn);
        root.Options.Add(queryLanguage);

        Deploy.WorkflowFlavour Flavour(ParseResult r) => Deploy.WorkflowFlavours.Parse(r.GetRequiredValue(queryLanguage));

        EndpointSettings Settings(ParseResult r)
            => new(r.GetRequiredValue(endpoint), r.GetRequiredValue(region), r.GetRequiredValue(roleArn), Flavour(r));

        var deploy = new Command("deploy", Messages.DeployDescription);
        deploy.SetAction((r, ct) => handlers.Deploy(Settings(r), ct));
        root.Subcommands.Add(deploy);

        root.Subcommands.Add(BuildRun(handlers, Settings));

        var poll = new Command("poll", Messages.PollDescription);
        poll.SetAction((r, ct) => handlers.Poll(Settings(r), ct));
        root.Subcommands.Add(poll);

        root.Subcommands.Add(BuildTest(handlers, Settings));

        var demo = new Command("demo", Messages.DemoDescription);
        demo.Validators.Add(r =>
        {
            // The demo always starts its own LocalCloud; silently ignoring an endpoint would run somewhere else than asked.
            if (r.GetResult(endpoint) is { Implicit: false })
            {
                r.AddError(Messages.DemoTakesNoEndpoint);
            }
        });
        var demoJobApi = JobApiOption();
        demo.Options.Add(demoJobApi);
        var keepOpen = new Option<bool>("--keep-open") { Description = Messages.KeepOpenOption };
        demo.Options.Add(keepOpen);
        demo.SetAction((r, ct) => handlers.Demo(new DemoArgs(Flavour(r), r.GetValue(demoJobApi) == "http", r.GetValue(keepOpen)), ct));
        root.Subcommands.Add(demo);
        root.Subcommands.Add(Monitor.MonitorOptions.Build(handlers.Monitor, Settings));

        if (handlers.Report is { } report)
        {
            // A defaulted --endpoint means "an embedded LocalCloud": the report measures cost where the usage meter is.
            root.Subcommands.Add(Report.ReportCommand.Build(report, r => r.GetResult(endpoint) is { Implicit: false } ? Settings(r) : null));
        }

        if (handlers.Bench is { } bench)
        {
            root.Subcommands.Add(Bench.BenchCommand.Build(bench, endpoint));
        }

        return root;
    }

    private static Command BuildRun(CommandHandlers handlers, Func<ParseResult, EndpointSettings> settings)
    {
        var scenario = new Option<string>("--scenario") { Description = Messages.ScenarioOption, Required = true };
        scenario.AcceptOnlyFromAmong([.. ScenarioCatalog.Names]);
        var jobs = PositiveInt("--jobs", Messages.JobsOption, 1);
        var workflow = new Option<string>("--workflow") { Description = Messages.WorkflowOption, DefaultValueFactory = _ => "callback" };
        workflow.AcceptOnlyFromAmong("callback", "baseline");
        var poller = new PollerOptions();

        var run = new Command("run", Messages.RunDescription) { scenario, jobs, workflow };
        poller.AddTo(run);
        run.Validators.Add(r =>
        {
            // Raw tokens, not GetValue: a value the option itself rejected would make GetValue throw here.
            static string? Raw(CommandResult c, Option o) => c.GetResult(o)?.Tokens is { Count: > 0 } t ? t[^1].Value : null;
            if (Raw(r, workflow) == "baseline" && ScenarioCatalog.Find(Raw(r, scenario) ?? "") is { AppliesToBaseline: false } s)
            {
                r.AddError(Messages.NotForBaseline(s.Name));
            }
        });
        run.SetAction((r, ct) => handlers.Run(
            new RunArgs(
                settings(r),
                ScenarioCatalog.Find(r.GetRequiredValue(scenario))!,
                r.GetValue(jobs),
                r.GetValue(workflow) == "baseline" ? WorkflowKind.Baseline : WorkflowKind.Callback,
                poller.Read(r)),
            ct));
        return run;
    }

    private static Command BuildTest(CommandHandlers handlers, Func<ParseResult, EndpointSettings> settings)
    {
        var runs = PositiveInt("--runs", Messages.RunsOption, 3);
        var jobs = PositiveInt("--jobs", Messages.JobsOption, 1);
        var poller = new PollerOptions();
        var jobApi = JobApiOption();
        var mocked = new Option<bool>("--mocked") { Description = Mocked.MockedMessages.MockedOption };
        var test = new Command("test", Messages.TestDescription) { runs, jobs, jobApi, mocked };
        poller.AddTo(test);
        test.SetAction((r, ct) => handlers.Test(new TestArgs(settings(r), r.GetValue(runs), r.GetValue(jobs), poller.Read(r), r.GetValue(jobApi) == "http", r.GetValue(mocked)), ct));
        return test;
    }

    private static Option<string> JobApiOption()
    {
        var jobApi = new Option<string>("--job-api") { Description = Messages.JobApiOption, DefaultValueFactory = _ => "lambda" };
        jobApi.AcceptOnlyFromAmong("lambda", "http");
        return jobApi;
    }

    internal static Option<int> PositiveInt(string name, string description, int defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        // A parser rather than a validator: validators also run on text that failed to convert, and then throw.
        CustomParser = r =>
        {
            if (int.TryParse(r.Tokens.Single().Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                return n;
            }

            r.AddError(Messages.MustBePositiveInteger(name, r.Tokens.Single().Value));
            return defaultValue;
        },
    };

    private static void ValidateEndpoint(OptionResult result)
    {
        var value = result.GetValueOrDefault<string>();
        if (string.Equals(value, EndpointSettings.AwsKeyword, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            result.AddError(Messages.InvalidEndpoint(value ?? ""));
        }
    }
}
