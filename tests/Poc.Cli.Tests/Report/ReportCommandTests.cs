using Poc.Cli.Cli;
using Poc.Cli.Report;

namespace Poc.Cli.Tests.Report;

public sealed class ReportCommandTests : IDisposable
{
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();
    private ReportArgs? received;

    public void Dispose()
    {
        output.Dispose();
        error.Dispose();
    }

    private Task<int> Run(params string[] args)
    {
        var handlers = new CommandHandlers((_, _) => Task.FromResult(0), (_, _) => Task.FromResult(0), (_, _) => Task.FromResult(0), (_, _) => Task.FromResult(0), (_, _) => Task.FromResult(0))
        {
            Report = (a, _) =>
            {
                received = a;
                return Task.FromResult(ExitCodes.Ok);
            },
        };
        return PocApp.RunAsync(args, handlers, _ => null, output, error, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task RunAsync_ReportDefaults_EmbeddedEndpointAndDefaultWorkload()
    {
        Assert.Equal(ExitCodes.Ok, await Run("report"));

        Assert.Null(received!.Endpoint);
        Assert.Equal(Poc.Cli.Cost.CostInputs.Defaults, received.Inputs);
        Assert.Equal("out/report", received.Folder);
    }

    [Fact]
    public async Task RunAsync_ReportWithOptions_ParsesWorkloadAndEndpoint()
    {
        Assert.Equal(ExitCodes.Ok, await Run("report", "--endpoint", "http://localhost:4599", "--jobs-per-month", "500", "--job-minutes", "5", "--poll-minutes", "0.5", "--out", "x"));

        Assert.Equal("http://localhost:4599", received!.Endpoint!.Endpoint);
        Assert.Equal(new Poc.Cli.Cost.CostInputs(500, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30)), received.Inputs);
        Assert.Equal("x", received.Folder);
    }

    [Fact]
    public async Task RunAsync_ReportZeroMinutes_UsageError()
    {
        Assert.Equal(ExitCodes.Usage, await Run("report", "--job-minutes", "0"));

        Assert.Contains("--job-minutes must be a number greater than zero", error.ToString(), StringComparison.Ordinal);
        Assert.Null(received);
    }
}
