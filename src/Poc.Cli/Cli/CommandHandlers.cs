using Poc.Cli.Endpoints;
using Poc.Cli.Monitor;

namespace Poc.Cli.Cli;

/// <summary>What each command does once its arguments are parsed; tests swap these to check parsing alone.</summary>
public sealed record CommandHandlers(
    Func<EndpointSettings, CancellationToken, Task<int>> Deploy,
    Func<RunArgs, CancellationToken, Task<int>> Run,
    Func<EndpointSettings, CancellationToken, Task<int>> Poll,
    Func<TestArgs, CancellationToken, Task<int>> Test,
    Func<DemoArgs, CancellationToken, Task<int>> Demo)
{
    /// <summary>poc monitor; an init member so parsing tests that predate it need not change.</summary>
    public Func<MonitorArgs, CancellationToken, Task<int>>? Monitor { get; init; }

    /// <summary>poc report; the command is offered only when set.</summary>
    public Func<Report.ReportArgs, CancellationToken, Task<int>>? Report { get; init; }

    /// <summary>poc bench; the command is offered only when set.</summary>
    public Func<Bench.BenchOptions, CancellationToken, Task<int>>? Bench { get; init; }
}
