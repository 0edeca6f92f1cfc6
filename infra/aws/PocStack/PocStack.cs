using Amazon.CDK;
using Constructs;

namespace Poc.Infra.Aws;

// The whole PoC on AWS: the same tables, functions, workflows and schedule that poc deploy makes in LocalCloud.
internal sealed class PocStack : Stack
{
    public PocStack(Construct scope, string id, PocStackProps props)
        : base(scope, id, props)
    {
        Tables = new DataTables(this, "Tables", props.DataRemovalPolicy);
        Functions = new JobFunctions(this, "Functions", props, Tables);
        Workflows = new Workflows(this, "Workflows", props, Functions);

        // SendTask* is authorised on the state machine whose task token it answers (CDK's grantTaskResponse does the
        // same). https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsstepfunctions.html
        Workflows.Callback.GrantTaskResponse(Functions.Poller);

        Schedule = new PollerSchedule(this, "PollerSchedule", Functions.Poller);
        Monitoring = new Monitoring(this, "Monitoring", props, Workflows, Functions.Poller);

        Output("CallbackStateMachineArn", Workflows.Callback.StateMachineArn);
        Output("PollingBaselineStateMachineArn", Workflows.PollingBaseline.StateMachineArn);
        Output("TaskTokensTableName", Tables.Tokens.TableName);
        Output("JobsTableName", Tables.Jobs.TableName);
    }

    public DataTables Tables { get; }

    public JobFunctions Functions { get; }

    public Workflows Workflows { get; }

    public PollerSchedule Schedule { get; }

    public Monitoring Monitoring { get; }

    private void Output(string name, string value) => _ = new CfnOutput(this, name, new CfnOutputProps { Value = value });
}
