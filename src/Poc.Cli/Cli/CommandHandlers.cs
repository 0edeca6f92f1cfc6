using Poc.Cli.Endpoints;

namespace Poc.Cli.Cli;

/// <summary>What each command does once its arguments are parsed; tests swap these to check parsing alone.</summary>
public sealed record CommandHandlers(
    Func<EndpointSettings, CancellationToken, Task<int>> Deploy,
    Func<RunArgs, CancellationToken, Task<int>> Run,
    Func<EndpointSettings, CancellationToken, Task<int>> Poll,
    Func<TestArgs, CancellationToken, Task<int>> Test,
    Func<CancellationToken, Task<int>> Demo)
{
    /// <summary>poc report; the command is offered only when set.</summary>
    public Func<Report.ReportArgs, CancellationToken, Task<int>>? Report { get; init; }
}
