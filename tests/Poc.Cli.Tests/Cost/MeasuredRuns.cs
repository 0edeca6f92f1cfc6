using Poc.Cli.Cost;
using Poc.Cli.History;
using Poc.Cli.Runs;
using Poc.Cli.Scenarios;

namespace Poc.Cli.Tests.Cost;

// Canned measurements with round numbers, so every derived coefficient can be checked by hand.
internal static class MeasuredRuns
{
    public const string CallbackArn = "arn:aws:states:us-east-1:000000000000:stateMachine:poc-callback-workflow";
    public const string BaselineArn = "arn:aws:states:us-east-1:000000000000:stateMachine:poc-polling-baseline";

    public static UsageSnapshot Idle { get; } = new(
    [
        new("lambda", "Requests", "poc-poller", 3),
        new("lambda", "GBSeconds", "poc-poller", 0.3),
        new("dynamodb", "ReadCapacityUnits", "poc-task-tokens/index/status-index", 1.5),
        new("scheduler", "Invocations", "arn:aws:scheduler:us-east-1:000000000000:schedule/default/poc-poller-schedule", 3),
    ]);

    // Two jobs, 2 + 3 = 5 checks, 6 sweeps; the simulated API: 2 CREATE_JOB calls and 5 CHECK_STATUS_BATCH calls.
    public static PhaseMeasurement Callback { get; } = new(
        new UsageSnapshot(
        [
            new("states", "StateTransitions", CallbackArn, 8),
            new("states", "ExecutionsStarted", CallbackArn, 2),
            new("lambda", "Requests", "poc-create-job", 2),
            new("lambda", "GBSeconds", "poc-create-job", 0.4),
            new("lambda", "Requests", "poc-simulated-api", 7),
            new("lambda", "GBSeconds", "poc-simulated-api", 0.7),
            new("lambda", "Requests", "poc-poller", 6),
            new("lambda", "GBSeconds", "poc-poller", 1.1),
            new("dynamodb", "ReadCapacityUnits", "poc-task-tokens/index/status-index", 5.5),
            new("dynamodb", "WriteCapacityUnits", "poc-task-tokens", 8),
            new("dynamodb", "WriteCapacityUnits", "poc-task-tokens/index/status-index", 3),
            new("dynamodb", "WriteCapacityUnits", "poc-jobs", 50),
            new("scheduler", "Invocations", "arn:aws:scheduler:::schedule/default/poc-poller-schedule", 6),
        ]),
        [CallbackJob(2), CallbackJob(3)]);

    // Two jobs of 2 and 3 polls; 10 transitions outside the loop each, 3 per poll: 2×10 + 5×3 = 35.
    public static PhaseMeasurement Baseline { get; } = new(
        new UsageSnapshot(
        [
            new("states", "StateTransitions", BaselineArn, 35),
            new("lambda", "Requests", "poc-simulated-api", 7),
            new("lambda", "GBSeconds", "poc-simulated-api", 0.7),
            new("lambda", "Requests", "poc-poller", 9),
            new("lambda", "GBSeconds", "poc-poller", 0.9),
        ]),
        [BaselineJob(2), BaselineJob(3)]);

    public static MeasuredUsage Measured { get; } = new(Idle, Callback, Baseline, 3, 3);

    public static ExecutionObservation CallbackJob(int attempts) => new(ScenarioCatalog.Success, WorkflowKind.Callback, CallbackArn + ":x" + attempts, "x" + attempts)
    {
        Status = ExecutionStatuses.Succeeded,
        Record = new TokenRecord(CallbackArn + ":x" + attempts, "job", "token", RecordStatuses.Completed, attempts),
    };

    public static ExecutionObservation BaselineJob(int polls) => new(ScenarioCatalog.Success, WorkflowKind.Baseline, BaselineArn + ":b" + polls, "b" + polls)
    {
        Status = ExecutionStatuses.Succeeded,
        History = BaselineHistory(polls),
    };

    // ExecutionStarted, one Choice entered/exited, CreateJob (5 events), the polls (9 events each), BuildJobOutput, JobSucceeded, end.
    public static IReadOnlyList<HistoryEvent> BaselineHistory(int polls)
    {
        var events = new List<HistoryEvent>();
        var t = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        void Add(string type, string? state = null) => events.Add(new HistoryEvent(events.Count + 1, t.AddSeconds(events.Count), type) { StateName = state });
        Add("ExecutionStarted");
        Add("ChoiceStateEntered", "HasPollInterval");
        Add("ChoiceStateExited", "HasPollInterval");
        Add("TaskStateEntered", "CreateJob");
        Add("TaskScheduled");
        Add("TaskStarted");
        Add("TaskSucceeded");
        Add("TaskStateExited", "CreateJob");
        for (var i = 0; i < polls; i++)
        {
            Add("WaitStateEntered", "WaitForJob");
            Add("WaitStateExited", "WaitForJob");
            Add("TaskStateEntered", "CheckStatus");
            Add("TaskScheduled");
            Add("TaskStarted");
            Add("TaskSucceeded");
            Add("TaskStateExited", "CheckStatus");
            Add("ChoiceStateEntered", "JobStatusChoice");
            Add("ChoiceStateExited", "JobStatusChoice");
        }

        Add("PassStateEntered", "BuildJobOutput");
        Add("PassStateExited", "BuildJobOutput");
        Add("SucceedStateEntered", "JobSucceeded");
        Add("SucceedStateExited", "JobSucceeded");
        Add("ExecutionSucceeded");
        return events;
    }
}
