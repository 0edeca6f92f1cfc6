using LocalCloud.Lambda;

namespace LocalCloud.Tests;

/// <summary>LocalCloud's own options as the command line makes them (Program.cs runs the same definitions).</summary>
public sealed class CommandLineOptionsTests
{
    private static async Task<(int Exit, LocalCloudOptions? Options)> RunAsync(params string[] args)
    {
        LocalCloudOptions? seen = null;
        var root = LocalCloudCommandLine.Build((options, _) =>
        {
            seen = options;
            return Task.FromResult(0);
        });
        var exit = await root.Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        return (exit, seen);
    }

    [Fact]
    public async Task LambdaWorkers_SetsTheWorkersPerFunction()
    {
        var (exit, options) = await RunAsync("--lambda-workers", "8");

        Assert.Equal(0, exit);
        Assert.Equal(8, options!.LambdaWorkersPerFunction);
    }

    [Fact]
    public async Task WithoutLambdaWorkers_TheMachineDefaultApplies()
    {
        var (_, options) = await RunAsync();

        Assert.Equal(LambdaOptions.DefaultMaxWorkersPerFunction, options!.LambdaWorkersPerFunction);
        Assert.InRange(options.LambdaWorkersPerFunction, 2, 4);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task LambdaWorkersBelowOne_IsRefusedBeforeAnythingStarts(string value)
    {
        var (exit, options) = await RunAsync("--lambda-workers", value);

        Assert.Equal(2, exit);
        Assert.Null(options);
    }
}
