using Poc.Cli.Cli;
using Poc.Cli.Monitor;

namespace Poc.Cli.Tests.Monitor;

public sealed class MonitorCommandLineTests : IDisposable
{
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();
    private MonitorArgs? received;

    public void Dispose()
    {
        output.Dispose();
        error.Dispose();
    }

    private Task<int> Run(params string[] args)
    {
        static Task<int> Unused() => throw new InvalidOperationException("only monitor is expected");
        var handlers = new CommandHandlers((_, _) => Unused(), (_, _) => Unused(), (_, _) => Unused(), (_, _) => Unused(), (_, _) => Unused())
        {
            Monitor = (a, _) =>
            {
                received = a;
                return Task.FromResult(ExitCodes.Ok);
            },
        };
        return PocApp.RunAsync(args, handlers, _ => null, output, error, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task RunAsync_MonitorWithoutOptions_PrintsOnceEveryTwoSeconds()
    {
        Assert.Equal(ExitCodes.Ok, await Run("monitor"));

        Assert.NotNull(received);
        Assert.False(received.Watch);
        Assert.Equal(MonitorArgs.DefaultIntervalSeconds, received.IntervalSeconds);
        Assert.Equal("http://127.0.0.1:4566", received.Endpoint.Endpoint);
    }

    [Fact]
    public async Task RunAsync_MonitorWatchInterval_ParsesBoth()
    {
        Assert.Equal(ExitCodes.Ok, await Run("monitor", "--endpoint", "http://localhost:4577", "--watch", "--interval", "0.5"));

        Assert.NotNull(received);
        Assert.True(received.Watch);
        Assert.Equal(0.5, received.IntervalSeconds);
        Assert.Equal("http://localhost:4577", received.Endpoint.Endpoint);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("soon")]
    public async Task RunAsync_MonitorBadInterval_IsAUsageError(string interval)
    {
        Assert.Equal(ExitCodes.Usage, await Run("monitor", "--interval", interval));

        Assert.Null(received);
        Assert.Contains($"--interval must be a number of seconds greater than zero, not '{interval}'", error.ToString(), StringComparison.Ordinal);
    }
}
