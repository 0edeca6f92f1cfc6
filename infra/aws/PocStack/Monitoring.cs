using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;

namespace Poc.Infra.Aws;

// Alarms have no actions: a PoC account rarely has an on-call topic. docs/deploying-to-aws.md says how to add one.
internal sealed class Monitoring : Construct
{
    private static readonly Duration Period = Duration.Minutes(5);

    public Monitoring(Construct scope, string id, PocStackProps props, Workflows workflows, IFunction poller)
        : base(scope, id)
    {
        var stateMachines = new[] { workflows.Callback, workflows.PollingBaseline };
        var alarms = new List<IAlarm>();
        foreach (var (stateMachine, name) in new[]
                 {
                     (workflows.Callback, ResourceNames.CallbackStateMachine),
                     (workflows.PollingBaseline, ResourceNames.PollingBaselineStateMachine),
                 })
        {
            alarms.Add(AlarmOnAny(name + "-executions-failed", stateMachine.MetricFailed(Sum()),
                $"An execution of {name} failed (JobFailed, MaxAttemptsExceeded, PollingTimeout or an unexpected error)."));
            alarms.Add(AlarmOnAny(name + "-executions-timed-out", stateMachine.MetricTimedOut(Sum()),
                $"An execution of {name} hit its own TimeoutSeconds."));
        }

        alarms.Add(AlarmOnAny(ResourceNames.PollerFunction + "-errors", poller.MetricErrors(Sum()),
            "The poller's sweep threw; pending jobs are not being advanced."));

        // Published by the poller (see docs/deploying-to-aws.md); until it is, the alarm sees no data and stays OK.
        var oldestPending = new Metric(new MetricProps
        {
            Namespace = ResourceNames.MetricsNamespace,
            MetricName = ResourceNames.OldestPendingJobAgeMetric,
            Statistic = Stats.MAXIMUM,
            Period = Period,
        });
        alarms.Add(new Alarm(this, "OldestPendingJobAge", new AlarmProps
        {
            AlarmName = "poc-oldest-pending-job-age",
            AlarmDescription = "A job has been PENDING in poc-task-tokens longer than the polling timeout allows: the poller is stuck or not scheduled.",
            Metric = oldestPending,
            Threshold = props.OldestPendingJobAgeAlarmSeconds,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_THRESHOLD,
            EvaluationPeriods = 1,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        }));

        Alarms = alarms;

        Dashboard = new Dashboard(this, "Dashboard", new DashboardProps
        {
            DashboardName = ResourceNames.Dashboard,
            Widgets =
            [
                [
                    new AlarmStatusWidget(new AlarmStatusWidgetProps { Title = "Alarms", Alarms = [.. alarms], Width = 24 }),
                ],
                [
                    new GraphWidget(new GraphWidgetProps
                    {
                        Title = "Executions failed / timed out",
                        Left = [.. stateMachines.SelectMany(m => new IMetric[] { m.MetricFailed(Sum()), m.MetricTimedOut(Sum()) })],
                        Width = 12,
                    }),
                    new GraphWidget(new GraphWidgetProps
                    {
                        Title = "Executions succeeded / started",
                        Left = [.. stateMachines.SelectMany(m => new IMetric[] { m.MetricSucceeded(Sum()), m.MetricStarted(Sum()) })],
                        Width = 12,
                    }),
                ],
                [
                    new GraphWidget(new GraphWidgetProps
                    {
                        Title = "Poller invocations / errors / duration",
                        Left = [poller.MetricInvocations(Sum()), poller.MetricErrors(Sum())],
                        Right = [poller.MetricDuration(new MetricOptions { Period = Period, Statistic = Stats.MAXIMUM })],
                        Width = 12,
                    }),
                    new GraphWidget(new GraphWidgetProps
                    {
                        Title = "Oldest pending job age (s)",
                        Left = [oldestPending],
                        Width = 12,
                    }),
                ],
            ],
        });
    }

    public IReadOnlyList<IAlarm> Alarms { get; }

    public Dashboard Dashboard { get; }

    private static MetricOptions Sum() => new() { Period = Period, Statistic = Stats.SUM };

    private Alarm AlarmOnAny(string name, IMetric metric, string description) =>
        new(this, name, new AlarmProps
        {
            AlarmName = name,
            AlarmDescription = description,
            Metric = metric,
            Threshold = 1,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            EvaluationPeriods = 1,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
}
