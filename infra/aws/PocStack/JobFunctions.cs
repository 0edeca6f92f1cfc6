using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;
using LambdaFunction = Amazon.CDK.AWS.Lambda.Function;

namespace Poc.Infra.Aws;

// The three functions of docs/data-model.md, each with its own role that holds only what its code calls.
// Roles are made here rather than by Function so no managed policy (AWSLambdaBasicExecutionRole, whose
// logs:CreateLogGroup is on "*") is attached: each role may only write to its own, pre-created log group.
internal sealed class JobFunctions : Construct
{
    private const string HandlerPrefix = "JobOrchestration.Functions::JobOrchestration.Functions.";

    public JobFunctions(Construct scope, string id, PocStackProps props, DataTables tables)
        : base(scope, id)
    {
        // One asset: AssetCode binds once per stack, so the three functions share one S3 object.
        var code = Code.FromAsset(props.FunctionsPackagePath);

        // DOTNET_TieredPGO=0 for the two functions that run one short call per job: the runtime's instrumented tier and
        // its second JIT cost more than they save in an environment that lives for a few hundred such calls (0.62× their
        // CPU at 1,000 jobs on LocalCloud, docs/performance.md); the long-lived poller keeps the default.
        SimulatedApi = Create("SimulatedApi", ResourceNames.SimulatedApiFunction, "SimulatedApiFunction", code, props,
            new Dictionary<string, string> { ["JOBS_TABLE"] = tables.Jobs.TableName, ["DOTNET_TieredPGO"] = "0" });
        // The simulated API creates (PutItem), reads (GetItem) and advances (UpdateItem) jobs; it never deletes or scans.
        Allow(SimulatedApi, ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"], tables.Jobs.TableArn);

        CreateJob = Create("CreateJob", ResourceNames.CreateJobFunction, "CreateJobFunction", code, props,
            new Dictionary<string, string>
            {
                ["TOKENS_TABLE"] = tables.Tokens.TableName,
                ["SIMULATED_API_FUNCTION"] = SimulatedApi.FunctionName,
                ["DEFAULT_MAX_ATTEMPTS"] = "10",
                ["DEFAULT_POLLING_TIMEOUT_SECONDS"] = "3600",
                ["DOTNET_TieredPGO"] = "0",
            });
        // PutItem registers the token once per execution, GetItem/UpdateItem replace it when Step Functions retries.
        Allow(CreateJob, ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"], tables.Tokens.TableArn);
        SimulatedApi.GrantInvoke(CreateJob);

        Poller = Create("Poller", ResourceNames.PollerFunction, "PollerFunction", code, props,
            new Dictionary<string, string>
            {
                ["TOKENS_TABLE"] = tables.Tokens.TableName,
                ["TOKENS_STATUS_INDEX"] = ResourceNames.TokensStatusIndex,
                ["SIMULATED_API_FUNCTION"] = SimulatedApi.FunctionName,
            });
        // The poller only reads PENDING records through the index; claims and closes them with conditional updates.
        Allow(Poller, ["dynamodb:Query"], tables.TokensStatusIndexArn);
        Allow(Poller, ["dynamodb:GetItem", "dynamodb:UpdateItem"], tables.Tokens.TableArn);
        SimulatedApi.GrantInvoke(Poller);
    }

    public LambdaFunction SimulatedApi { get; }

    public LambdaFunction CreateJob { get; }

    public LambdaFunction Poller { get; }

    private static void Allow(LambdaFunction function, string[] actions, string resource) =>
        function.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = actions,
            Resources = [resource],
        }));

    private LambdaFunction Create(
        string id, string name, string handlerClass, Code code, PocStackProps props, Dictionary<string, string> environment)
    {
        var logGroup = new LogGroup(this, id + "Logs", new LogGroupProps
        {
            LogGroupName = "/aws/lambda/" + name,
            Retention = props.LogRetention,
            RemovalPolicy = props.DataRemovalPolicy,
        });
        var role = new Role(this, id + "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = "Execution role of " + name,
        });
        logGroup.GrantWrite(role);

        return new LambdaFunction(this, id, new FunctionProps
        {
            FunctionName = name,
            Runtime = Runtime.DOTNET_8,
            Handler = HandlerPrefix + handlerClass + "::HandleAsync",
            Code = code,
            Timeout = Duration.Seconds(30),
            MemorySize = 256,
            Role = role,
            LogGroup = logGroup,
            Environment = environment,
        });
    }
}
