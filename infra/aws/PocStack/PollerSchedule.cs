using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Scheduler;
using Constructs;

namespace Poc.Infra.Aws;

// EventBridge Scheduler runs the poller once a minute. The L1 construct is used because the
// Scheduler L2 constructs were still alpha in the CDK version this project can restore.
internal sealed class PollerSchedule : Construct
{
    public PollerSchedule(Construct scope, string id, IFunction poller)
        : base(scope, id)
    {
        // aws:SourceAccount stops another account's schedule from borrowing this role (confused deputy).
        // https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html#setting-up-execution-role
        var role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("scheduler.amazonaws.com", new ServicePrincipalOpts
            {
                Conditions = new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Stack.Of(this).Account },
                },
            }),
            Description = "Lets EventBridge Scheduler invoke " + ResourceNames.PollerFunction,
        });
        poller.GrantInvoke(role);

        Schedule = new CfnSchedule(this, "Schedule", new CfnScheduleProps
        {
            Name = ResourceNames.PollerSchedule,
            GroupName = "default",
            ScheduleExpression = "rate(1 minute)",
            FlexibleTimeWindow = new CfnSchedule.FlexibleTimeWindowProperty { Mode = "OFF" },
            State = "ENABLED",
            Target = new CfnSchedule.TargetProperty
            {
                Arn = poller.FunctionArn,
                RoleArn = role.RoleArn,
                Input = "{}",
                // A missed sweep is repaired by the next one a minute later; retrying an old one only piles up.
                RetryPolicy = new CfnSchedule.RetryPolicyProperty { MaximumRetryAttempts = 0 },
            },
        });
        Schedule.Node.AddDependency(role);
    }

    public CfnSchedule Schedule { get; }
}
