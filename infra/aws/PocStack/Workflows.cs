using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using StatesLogLevel = Amazon.CDK.AWS.StepFunctions.LogLevel;

namespace Poc.Infra.Aws;

// Both state machines come from the very ASL files poc deploy uses; CloudFormation fills the
// ${...} placeholders through DefinitionSubstitutions, so the files stay the single source.
internal sealed class Workflows : Construct
{
    public Workflows(Construct scope, string id, PocStackProps props, JobFunctions functions)
        : base(scope, id)
    {
        Callback = Create("Callback", ResourceNames.CallbackStateMachine,
            props.JsonataWorkflows ? ResourceNames.CallbackJsonataDefinitionFile : ResourceNames.CallbackDefinitionFile, props,
            new Dictionary<string, string> { ["CreateJobFunctionArn"] = functions.CreateJob.FunctionArn });
        functions.CreateJob.GrantInvoke(Callback);

        PollingBaseline = Create("PollingBaseline", ResourceNames.PollingBaselineStateMachine,
            props.JsonataWorkflows ? ResourceNames.PollingBaselineJsonataDefinitionFile : ResourceNames.PollingBaselineDefinitionFile, props,
            new Dictionary<string, string> { ["SimulatedApiFunctionArn"] = functions.SimulatedApi.FunctionArn });
        functions.SimulatedApi.GrantInvoke(PollingBaseline);
    }

    public StateMachine Callback { get; }

    public StateMachine PollingBaseline { get; }

    private StateMachine Create(
        string id, string name, string definitionFile, PocStackProps props, Dictionary<string, string> substitutions)
    {
        var path = Path.Combine(props.StateMachinesDirectory, definitionFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"State machine definition {path} not found; set the context key stateMachinesDir to the folder holding {definitionFile}.", path);
        }

        // /aws/vendedlogs/ keeps CloudWatch Logs' resource policy small when several state machines log.
        // https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html
        var logGroup = new LogGroup(this, id + "Logs", new LogGroupProps
        {
            LogGroupName = "/aws/vendedlogs/states/" + name,
            Retention = props.LogRetention,
            RemovalPolicy = props.DataRemovalPolicy,
        });

        // Logging makes CDK add the log-delivery actions on "*": AWS requires that resource for them (same page).
        return new StateMachine(this, id, new StateMachineProps
        {
            StateMachineName = name,
            StateMachineType = StateMachineType.STANDARD,
            DefinitionBody = DefinitionBody.FromString(File.ReadAllText(path)),
            DefinitionSubstitutions = substitutions,
            Logs = new LogOptions { Destination = logGroup, Level = StatesLogLevel.ERROR, IncludeExecutionData = false },
        });
    }
}
