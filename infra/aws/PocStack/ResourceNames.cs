namespace Poc.Infra.Aws;

// Physical names fixed by docs/data-model.md: poc deploy, the functions' defaults and poc test all expect them.
internal static class ResourceNames
{
    public const string JobsTable = "poc-jobs";
    public const string TokensTable = "poc-task-tokens";
    public const string TokensStatusIndex = "status-index";
    public const string SimulatedApiFunction = "poc-simulated-api";
    public const string CreateJobFunction = "poc-create-job";
    public const string PollerFunction = "poc-poller";
    public const string CallbackStateMachine = "poc-callback-workflow";
    public const string PollingBaselineStateMachine = "poc-polling-baseline";
    public const string PollerSchedule = "poc-poller-schedule";
    public const string CallbackDefinitionFile = "callback.asl.json";
    public const string PollingBaselineDefinitionFile = "polling-baseline.asl.json";

    // The same workflows in JSONata with variables (poc deploy --query-language JSONata deploys the same files).
    public const string CallbackJsonataDefinitionFile = "callback.jsonata.asl.json";
    public const string PollingBaselineJsonataDefinitionFile = "polling-baseline.jsonata.asl.json";
    public const string MetricsNamespace = "PocCallback";
    public const string OldestPendingJobAgeMetric = "OldestPendingJobAgeSeconds";
    public const string Dashboard = "poc-callback";
}
