using Poc.Bench;
using Poc.Cli.Cli;

namespace Poc.Cli.Tests.Bench;

public sealed class BenchCommandTests : IDisposable
{
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();
    private BenchOptions? received;

    public void Dispose()
    {
        output.Dispose();
        error.Dispose();
    }

    private Task<int> Run(params string[] args)
    {
        var handlers = new CommandHandlers((_, _) => Fail(), (_, _) => Fail(), (_, _) => Fail(), (_, _) => Fail(), (_, _) => Fail())
        {
            Bench = (options, _) =>
            {
                received = options;
                return Task.FromResult(ExitCodes.Ok);
            },
        };
        return PocApp.RunAsync(args, handlers, _ => null, output, error, TestContext.Current.CancellationToken);
    }

    private static Task<int> Fail() => throw new InvalidOperationException("only bench should run");

    [Fact]
    public async Task RunAsync_SectionAndOutput_Parsed()
    {
        Assert.Equal(ExitCodes.Ok, await Run("bench", "--section", "startup", "--output", "x.json"));

        Assert.NotNull(received);
        Assert.Equal(["startup"], received.Sections);
        Assert.Equal("x.json", received.Output);
        Assert.False(received.Micro);
    }

    [Fact]
    public async Task RunAsync_HarnessSpellings_StillAccepted()
    {
        Assert.Equal(ExitCodes.Ok, await Run("bench", "--sections", "http-latency,scale", "--out", "y.json", "--executions", "50", "--direct-sweeps"));

        Assert.NotNull(received);
        Assert.Equal(["http-latency", "scale"], received.Sections.Order(StringComparer.Ordinal));
        Assert.Equal("y.json", received.Output);
        Assert.Equal(50, received.Executions);
        Assert.True(received.DirectSweeps);
    }

    [Fact]
    public async Task RunAsync_NoOptions_EverySection()
    {
        Assert.Equal(ExitCodes.Ok, await Run("bench"));

        Assert.NotNull(received);
        Assert.Equal(BenchOptions.AllSections.Order(StringComparer.Ordinal), received.Sections.Order(StringComparer.Ordinal));
        Assert.Null(received.Output);
    }

    [Fact]
    public async Task RunAsync_Micro_Parsed()
    {
        Assert.Equal(ExitCodes.Ok, await Run("bench", "--micro"));

        Assert.True(received?.Micro);
    }

    [Theory]
    [InlineData("unknown section(s) bogus", "bench", "--section", "bogus")]
    [InlineData("latency drives the engine in-process and moved out of poc: " + BenchOptions.EngineCommand, "bench", "--section", "latency")]
    [InlineData("--throughput-executions drives the engine in-process and moved out of poc: " + BenchOptions.EngineCommand, "bench", "--throughput-executions", "5")]
    [InlineData("--executions must be a whole number greater than zero.", "bench", "--executions", "0")]
    [InlineData("--output needs a value.", "bench", "--output")]
    [InlineData("unknown option --frobnicate", "bench", "--frobnicate")]
    [InlineData(Messages.BenchTakesNoEndpoint, "bench", "--endpoint", "http://127.0.0.1:4566")]
    public async Task RunAsync_BadOptions_UsageErrorNamingTheProblem(string message, params string[] args)
    {
        Assert.Equal(ExitCodes.Usage, await Run(args));

        Assert.Null(received);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
        Assert.Contains(Messages.UsageHint, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_ListsTheHarnessOptions()
    {
        Assert.Equal(ExitCodes.Ok, await Run("bench", "--help"));

        Assert.Contains("--section", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("--micro", output.ToString(), StringComparison.Ordinal);
        Assert.Null(received);
    }
}
