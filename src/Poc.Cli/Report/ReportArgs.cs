using Poc.Cli.Cost;
using Poc.Cli.Endpoints;

namespace Poc.Cli.Report;

/// <summary>report's arguments after parsing.</summary>
/// <param name="Endpoint">The endpoint given with --endpoint, or null for an embedded LocalCloud.</param>
/// <param name="Inputs">The workload the cost model projects to.</param>
/// <param name="Folder">Where to write, relative to the repository root unless absolute.</param>
/// <param name="Figures">Where to write the measured figures alone (FiguresFile), relative to the repository root unless absolute; null for nowhere.</param>
public sealed record ReportArgs(EndpointSettings? Endpoint, CostInputs Inputs, string Folder, string? Figures = null);
