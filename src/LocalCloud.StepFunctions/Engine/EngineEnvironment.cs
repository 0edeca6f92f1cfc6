using LocalCloud.Core.Ports;
using LocalCloud.Core.Usage;
using LocalCloud.StepFunctions.Engine.Tasks;
using LocalCloud.StepFunctions.Engine.Tokens;
using LocalCloud.StepFunctions.Ports;
using Microsoft.Extensions.Logging;

namespace LocalCloud.StepFunctions.Engine;

/// <summary>What every execution shares: time, Lambda, DynamoDB (when connected), the usage meter, the token registry and the task runners.</summary>
public sealed record EngineEnvironment(
    TimeProvider Time,
    ILambdaInvoker Lambda,
    UsageMeter Usage,
    TaskTokenRegistry Tokens,
    ILogger Logger,
    IDynamoDbInvoker? DynamoDb = null)
{
    /// <summary>Which runner calls a Task state's Resource.</summary>
    public TaskRunners Runners { get; init; } = TaskRunners.Default;

    /// <summary>The Distributed Map runs of every execution.</summary>
    public MapRuns.MapRunRegistry MapRuns { get; } = new();

    /// <summary>Starts nested executions (states:startExecution); set by the service once its handlers exist.</summary>
    public IExecutionStarter? Executions { get; set; }

    /// <summary>Calls the services LocalCloud hosts for aws-sdk:* tasks; null when the host connected none.</summary>
    public IAwsSdkInvoker? AwsSdk { get; set; }

    /// <summary>The Step Functions Local mock configuration (--mock-config); empty unless one was given.</summary>
    public Mocks.MockConfigSource Mocks { get; init; } = StepFunctions.Mocks.MockConfigSource.None;
    /// <summary>The activities and their queues of scheduled tasks and waiting workers.</summary>
    public Activities.ActivityRegistry Activities { get; } = new();
}
