using Poc.Cli.Cli;
using Poc.Cli.Deploy;
using Poc.Cli.Endpoints;
using Poc.Cli.Scenarios;

namespace Poc.Cli.Tests.Cli;

public sealed class PocAppTests : IDisposable
{
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();
    private readonly Dictionary<string, string> environment = [];
    private object? received;

    public void Dispose()
    {
        output.Dispose();
        error.Dispose();
    }

    private CommandHandlers Recording(Func<int>? result = null) => new(
        (s, _) => Record(s, result),
        (a, _) => Record(a, result),
        (s, _) => Record(s, result),
        (a, _) => Record(a, result),
        (a, _) => Record(a, result));

    private Task<int> Record(object args, Func<int>? result)
    {
        received = args;
        return Task.FromResult(result?.Invoke() ?? ExitCodes.Ok);
    }

    private Task<int> Run(params string[] args) => Run(Recording(), args);

    private Task<int> Run(CommandHandlers handlers, params string[] args)
        => PocApp.RunAsync(args, handlers, name => environment.GetValueOrDefault(name), output, error, TestContext.Current.CancellationToken);

    [Fact]
    public async Task RunAsync_Deploy_DefaultsToLocalEndpoint()
    {
        Assert.Equal(ExitCodes.Ok, await Run("deploy"));

        var settings = Assert.IsType<EndpointSettings>(received);
        Assert.Equal("http://127.0.0.1:4566", settings.Endpoint);
        Assert.Equal("us-east-1", settings.Region);
        Assert.Equal(EndpointSettings.DefaultRoleArn, settings.RoleArn);
    }

    [Fact]
    public async Task RunAsync_EnvironmentVariables_AreTheDefaults()
    {
        environment["AWS_ENDPOINT_URL"] = "http://localhost:4999";
        environment["AWS_REGION"] = "eu-west-1";

        Assert.Equal(ExitCodes.Ok, await Run("poll"));

        var settings = Assert.IsType<EndpointSettings>(received);
        Assert.Equal("http://localhost:4999", settings.Endpoint);
        Assert.Equal("eu-west-1", settings.Region);
    }

    [Fact]
    public async Task RunAsync_OptionsBeforeOrAfterTheCommand_BothWork()
    {
        Assert.Equal(ExitCodes.Ok, await Run("--endpoint", "http://a:1", "deploy", "--region", "eu-central-1", "--role-arn", "arn:aws:iam::1:role/r"));

        Assert.Equal(new EndpointSettings("http://a:1", "eu-central-1", "arn:aws:iam::1:role/r"), received);
    }

    [Fact]
    public async Task RunAsync_RunWithOptions_ParsesEveryOne()
    {
        Assert.Equal(ExitCodes.Ok, await Run(
            "run", "--scenario", "polling-timeout", "--jobs", "4", "--workflow", "baseline",
            "--poll-interval", "1.5", "--trigger-poller", "--timeout", "90"));

        var args = Assert.IsType<RunArgs>(received);
        Assert.Same(ScenarioCatalog.PollingTimeout, args.Scenario);
        Assert.Equal(4, args.Jobs);
        Assert.Equal(WorkflowKind.Baseline, args.Workflow);
        Assert.Equal(new PollerArgs(1.5, true, 90), args.Poller);
    }

    [Fact]
    public async Task RunAsync_RunDefaults_OneCallbackJobAndEndpointDecidesThePoller()
    {
        Assert.Equal(ExitCodes.Ok, await Run("run", "--scenario", "success"));

        var args = Assert.IsType<RunArgs>(received);
        Assert.Equal(1, args.Jobs);
        Assert.Equal(WorkflowKind.Callback, args.Workflow);
        Assert.Equal(new PollerArgs(null, null, null), args.Poller);
    }

    [Fact]
    public async Task RunAsync_TestDefaults_ThreeRunsOfOneJob()
    {
        Assert.Equal(ExitCodes.Ok, await Run("test", "--trigger-poller", "false"));

        var args = Assert.IsType<TestArgs>(received);
        Assert.Equal(3, args.Runs);
        Assert.Equal(1, args.Jobs);
        Assert.False(args.Poller.TriggerPoller);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("run", "--scenario", "bogus")]
    [InlineData("run", "--scenario", "success", "--jobs", "0")]
    [InlineData("run", "--scenario", "success", "--workflow", "loop")]
    [InlineData("run", "--scenario", "state-timeout", "--workflow", "baseline")]
    [InlineData("run", "--scenario", "success", "--poll-interval", "-1")]
    [InlineData("test", "--runs", "abc")]
    [InlineData("deploy", "--endpoint", "ftp://example.com")]
    [InlineData("deploy", "--endpoint", "not a url")]
    [InlineData("frobnicate")]
    [InlineData()]
    public async Task RunAsync_BadCommandLine_UsageExitCodeAndHintWithoutRunningAnything(params string[] args)
    {
        Assert.Equal(ExitCodes.Usage, await Run(args));

        Assert.Null(received);
        Assert.Contains(Messages.UsageHint, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AwsKeyword_AcceptedAsEndpoint()
    {
        Assert.Equal(ExitCodes.Ok, await Run("deploy", "--endpoint", "aws"));
    }

    [Fact]
    public async Task RunAsync_Help_ExitsZero()
    {
        Assert.Equal(ExitCodes.Ok, await Run("--help"));

        Assert.Contains("deploy", output.ToString(), StringComparison.Ordinal);
        Assert.Null(received);
    }

    [Fact]
    public async Task RunAsync_HandlerReturnsFailure_PassedThrough()
    {
        Assert.Equal(ExitCodes.Failed, await Run(Recording(() => ExitCodes.Failed), "demo"));
    }

    [Fact]
    public async Task RunAsync_ExpectedFailure_ExitOneWithItsMessage()
    {
        Assert.Equal(ExitCodes.Failed, await Run(Recording(() => throw new PocException("the endpoint is gone")), "poll"));

        Assert.Equal("poc: the endpoint is gone", error.ToString().Trim());
    }

    [Fact]
    public async Task RunAsync_Unreachable_ExitOneWithAHint()
    {
        Assert.Equal(ExitCodes.Failed, await Run(Recording(() => throw new HttpRequestException("Connection refused")), "poll"));

        Assert.Contains("poc demo", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnexpectedException_BugExitCodeSaidSo()
    {
        Assert.Equal(ExitCodes.InternalError, await Run(Recording(() => throw new InvalidOperationException("boom")), "deploy"));

        Assert.Contains("bug in poc", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("boom", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demo", "--endpoint", "http://127.0.0.1:4566")]
    [InlineData("--endpoint", "aws", "demo")]
    public async Task RunAsync_DemoWithAnEndpoint_UsageErrorSayingWhatToRunInstead(params string[] args)
    {
        Assert.Equal(ExitCodes.Usage, await Run(args));

        Assert.Null(received);
        Assert.Contains(Messages.DemoTakesNoEndpoint, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DemoWithEndpointFromTheEnvironment_RunsTheDemo()
    {
        environment["AWS_ENDPOINT_URL"] = "http://localhost:4999";

        Assert.Equal(ExitCodes.Ok, await Run("demo"));

        Assert.Equal(new DemoArgs(WorkflowFlavour.JsonPath), received);
    }

    [Theory]
    [InlineData("deploy")]
    [InlineData("test")]
    [InlineData("demo")]
    public async Task RunAsync_QueryLanguageJsonata_ReachesTheCommand(string command)
    {
        Assert.Equal(ExitCodes.Ok, await Run(command, "--query-language", "JSONata"));

        var flavour = received switch
        {
            EndpointSettings settings => settings.Flavour,
            TestArgs args => args.Endpoint.Flavour,
            DemoArgs args => args.Flavour,
            _ => throw new InvalidOperationException($"unexpected {received}"),
        };
        Assert.Equal(WorkflowFlavour.Jsonata, flavour);
    }

    [Fact]
    public async Task RunAsync_DemoJobApiHttp_ReachesTheDemo()
    {
        Assert.Equal(ExitCodes.Ok, await Run("demo", "--job-api", "http", "--query-language", "JSONata"));

        Assert.Equal(new DemoArgs(WorkflowFlavour.Jsonata, HttpJobApi: true), received);
    }

    [Fact]
    public async Task RunAsync_UnknownQueryLanguage_Refused()
    {
        Assert.NotEqual(ExitCodes.Ok, await Run("deploy", "--query-language", "XPath"));

        Assert.Null(received);
    }

    [Fact]
    public async Task RunAsync_InterruptedWhileTheCommandRuns_SignalsExitCodeOnceItStopped()
    {
        using var interruption = new Interruption();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stoppedCleanly = false;
        var handlers = Recording() with
        {
            Poll = async (_, ct) =>
            {
                started.SetResult();
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                    return ExitCodes.Ok;
                }
                finally
                {
                    stoppedCleanly = true;
                }
            },
        };

        var run = PocApp.RunAsync(["poll"], handlers, _ => null, output, error, interruption, TestContext.Current.CancellationToken);
        await started.Task;
        Assert.True(interruption.Interrupt(ExitCodes.Interrupted));

        Assert.Equal(ExitCodes.Interrupted, await run);
        Assert.True(stoppedCleanly);
        Assert.Equal("poc: interrupted", error.ToString().Trim());
    }

    [Fact]
    public async Task RunAsync_InterruptedCommandThatEndsNormally_StillSignalsExitCode()
    {
        // poc monitor --watch treats Ctrl+C as its normal end and returns 0; the process still says it was interrupted.
        using var interruption = new Interruption();
        var handlers = Recording() with
        {
            Poll = (_, _) =>
            {
                interruption.Interrupt(ExitCodes.Terminated);
                return Task.FromResult(ExitCodes.Ok);
            },
        };

        Assert.Equal(ExitCodes.Terminated, await PocApp.RunAsync(["poll"], handlers, _ => null, output, error, interruption, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Interrupt_Twice_OnlyTheFirstCounts()
    {
        using var interruption = new Interruption();

        Assert.True(interruption.Interrupt(ExitCodes.Interrupted));
        Assert.False(interruption.Interrupt(ExitCodes.Terminated));

        Assert.Equal(ExitCodes.Interrupted, interruption.ExitCode);
        Assert.True(interruption.Token.IsCancellationRequested);
    }
}
