using Poc.Cli.Endpoints;
using Poc.Cli.Scenarios;

namespace Poc.Cli.Cli;

/// <summary>run's arguments after parsing.</summary>
public sealed record RunArgs(EndpointSettings Endpoint, Scenario Scenario, int Jobs, WorkflowKind Workflow, PollerArgs Poller);

/// <summary>demo's arguments after parsing.</summary>
/// <param name="Flavour">The query language of the workflows (--query-language).</param>
/// <param name="HttpJobApi">--job-api http: the functions call the simulated REST job API, which poc serves.</param>
/// <param name="KeepOpen">--keep-open: LocalCloud and its console stay up after the demo, until Ctrl+C.</param>
public sealed record DemoArgs(Deploy.WorkflowFlavour Flavour, bool HttpJobApi = false, bool KeepOpen = false);

/// <summary>test's arguments after parsing.</summary>
/// <param name="HttpJobApi">--job-api http: the functions call the simulated REST job API, which poc serves, faults included.</param>
/// <param name="Mocked">--mocked: every scenario against the mock configuration, no Lambda (Mocked/MockedTestCommand).</param>
public sealed record TestArgs(EndpointSettings Endpoint, int Runs, int Jobs, PollerArgs Poller, bool HttpJobApi = false, bool Mocked = false);

/// <summary>How the poller is driven and how long a run may take; null means "the default for this endpoint".</summary>
public sealed record PollerArgs(double? PollIntervalSeconds, bool? TriggerPoller, double? TimeoutSeconds);
