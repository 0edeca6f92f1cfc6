using Poc.Cli.Cost;
using Poc.Cli.Deploy;
using Poc.Cli.Endpoints;
using Poc.Cli.History;
using Poc.Cli.Report;
using Poc.Cli.Runs;
using Poc.Cli.Scenarios;
using Poc.Cli.Tests.Cost;
using Poc.Cli.Tests.History;

namespace Poc.Cli.Tests.Report;

// A report from canned observations and the hand-checked cost model of the cost tests: $1.30 against $25.06, 94.8 %.
internal static class CannedReport
{
    public static ReportData Build()
    {
        var root = RepoRoot.TryFindFrom(AppContext.BaseDirectory) ?? throw new InvalidOperationException("repository root not found");
        var definitions = Path.Combine(root, "infra", "statemachines");
        var succeeded = HistoryEventParser.Parse(SampleHistories.Succeeded);
        var timedOut = HistoryEventParser.Parse(SampleHistories.TimedOut);
        ExecutionObservation Callback(Scenario s, string status, string? error, string record, int attempts, IReadOnlyList<HistoryEvent> history)
            => new(s, WorkflowKind.Callback, "arn:aws:states:us-east-1:000000000000:execution:poc-callback-workflow:" + s.Name, s.Name + "-demo-1")
            {
                Status = status,
                Error = error,
                History = history,
                Record = new TokenRecord("arn", "job-1", SampleHistories.Token, record, attempts),
            };

        var model = new CostModel(TestPrices.Simple, TestPrices.UsEast1);
        return new ReportData(
            new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero),
            "LocalCloud at http://127.0.0.1:4566 (us-east-1)",
            3,
            [
                Callback(ScenarioCatalog.Success, ExecutionStatuses.Succeeded, null, RecordStatuses.Completed, 2, succeeded),
                Callback(ScenarioCatalog.MaxAttempts, ExecutionStatuses.Failed, "MaxAttemptsExceeded", RecordStatuses.MaxAttempts, 3, succeeded),
                Callback(ScenarioCatalog.StateTimeout, ExecutionStatuses.Failed, "States.Timeout", RecordStatuses.Timeout, 2, timedOut),
            ],
            [MeasuredRuns.BaselineJob(2)],
            File.ReadAllText(Path.Combine(definitions, WorkflowFlavour.JsonPath.DefinitionFile(WorkflowKind.Callback))),
            File.ReadAllText(Path.Combine(definitions, WorkflowFlavour.JsonPath.DefinitionFile(WorkflowKind.Baseline))))
        {
            Measured = MeasuredRuns.Measured,
            Cost = CostAnalysis.Run(model, CostInputs.Defaults),
        };
    }
}
