using LocalCloud.Core;
using LocalCloud.Core.Persistence;
using LocalCloud.Core.Ports;
using LocalCloud.Core.Protocols;
using LocalCloud.Core.Usage;
using LocalCloud.StepFunctions.Api;
using LocalCloud.StepFunctions.Api.Operations;
using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Engine.Tokens;
using LocalCloud.StepFunctions.Machines;
using LocalCloud.StepFunctions.Persistence;
using LocalCloud.StepFunctions.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LocalCloud.StepFunctions;

/// <summary>
/// AWS Step Functions (awsJson1.0, X-Amz-Target "AWSStepFunctions.*"): state machines, executions run
/// by the ASL engine, history and the task-token callback pattern. Free of any web framework type.
/// With a durable store everything is written before it is acknowledged, read back by the constructor,
/// and the executions that were running resume (docs/services/stepfunctions.md, "Persistence").
/// </summary>
public sealed class StepFunctionsService : IServiceEndpoint, IAsyncDisposable
{
    private readonly AwsJsonDispatcher _dispatcher;
    private readonly StepFunctionsBackend _backend;

    /// <summary>
    /// Creates the service. Without <paramref name="dynamoDb"/>, dynamodb:* tasks fail with States.Runtime. With a durable
    /// <paramref name="durable"/> store, the constructor loads what it holds and resumes the executions that were running.
    /// </summary>
    public StepFunctionsService(TimeProvider time, ILambdaInvoker lambda, UsageMeter usage, ILogger<StepFunctionsService>? logger = null,
        IDynamoDbInvoker? dynamoDb = null, IDurableStore? durable = null, ExecutionRetention? retention = null, Mocks.MockConfigSource? mocks = null,
        IAwsSdkInvoker? awsSdk = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(lambda);
        ArgumentNullException.ThrowIfNull(usage);
        var log = (ILogger?)logger ?? NullLogger.Instance;
        var tokens = new TaskTokenRegistry();
        var engine = new EngineEnvironment(time, lambda, usage, tokens, log, dynamoDb) { Mocks = mocks ?? Mocks.MockConfigSource.None };
        engine.AwsSdk = awsSdk;
        _backend = new StepFunctionsBackend(new InMemoryStateMachineStore(), new ExecutionRegistry(time, tokens, retention), engine, durable);
        _dispatcher = new AwsJsonDispatcher("AWSStepFunctions", StepFunctionsErrors.Namespace, StepFunctionsJson.Options)
            .Add<CreateStateMachineRequest, CreateStateMachineResponse>(nameof(CreateStateMachine), new CreateStateMachine(_backend).HandleAsync)
            .Add<UpdateStateMachineRequest, UpdateStateMachineResponse>(nameof(UpdateStateMachine), new UpdateStateMachine(_backend).HandleAsync)
            .Add<DescribeStateMachineRequest, DescribeStateMachineResponse>(nameof(DescribeStateMachine), new DescribeStateMachine(_backend).HandleAsync)
            .Add<ListStateMachinesRequest, ListStateMachinesResponse>(nameof(ListStateMachines), new ListStateMachines(_backend).HandleAsync)
            .Add<DeleteStateMachineRequest, DeleteStateMachineResponse>(nameof(DeleteStateMachine), new DeleteStateMachine(_backend).HandleAsync)
            .Add<StartExecutionRequest, StartExecutionResponse>(nameof(StartExecution), new StartExecution(_backend).HandleAsync)
            .Add<DescribeExecutionRequest, DescribeExecutionResponse>(nameof(DescribeExecution), new DescribeExecution(_backend).HandleAsync)
            .Add<ListExecutionsRequest, ListExecutionsResponse>(nameof(ListExecutions), new ListExecutions(_backend).HandleAsync)
            .Add<GetExecutionHistoryRequest, GetExecutionHistoryResponse>(nameof(GetExecutionHistory), new GetExecutionHistory(_backend).HandleAsync)
            .Add<StopExecutionRequest, StopExecutionResponse>(nameof(StopExecution), new StopExecution(_backend).HandleAsync)
            .Add<SendTaskSuccessRequest, SendTaskSuccessResponse>(nameof(SendTaskSuccess), new SendTaskSuccess(_backend).HandleAsync)
            .Add<SendTaskFailureRequest, SendTaskFailureResponse>(nameof(SendTaskFailure), new SendTaskFailure(_backend).HandleAsync)
            .Add<SendTaskHeartbeatRequest, SendTaskHeartbeatResponse>(nameof(SendTaskHeartbeat), new SendTaskHeartbeat(_backend).HandleAsync)
            .Add<ValidateStateMachineDefinitionRequest, ValidateStateMachineDefinitionResponse>(nameof(ValidateStateMachineDefinition), ValidateStateMachineDefinition.HandleAsync)
            .Add<DescribeStateMachineForExecutionRequest, DescribeStateMachineForExecutionResponse>(nameof(DescribeStateMachineForExecution), new DescribeStateMachineForExecution(_backend).HandleAsync)
            .Add<TagResourceRequest, TagResourceResponse>(nameof(TagResource), new TagResource(_backend).HandleAsync)
            .Add<UntagResourceRequest, UntagResourceResponse>(nameof(UntagResource), new UntagResource(_backend).HandleAsync)
            .Add<ListTagsForResourceRequest, ListTagsForResourceResponse>(nameof(ListTagsForResource), new ListTagsForResource(_backend).HandleAsync)
            .Add<RedriveExecutionRequest, RedriveExecutionResponse>(nameof(RedriveExecution), new RedriveExecution(_backend).HandleAsync)
            .Add<StartSyncExecutionRequest, StartSyncExecutionResponse>(nameof(StartSyncExecution), new StartSyncExecution(_backend).HandleAsync)
            .Add<DescribeMapRunRequest, DescribeMapRunResponse>(nameof(DescribeMapRun), new DescribeMapRun(_backend).HandleAsync)
            .Add<ListMapRunsRequest, ListMapRunsResponse>(nameof(ListMapRuns), new ListMapRuns(_backend).HandleAsync)
            .Add<UpdateMapRunRequest, UpdateMapRunResponse>(nameof(UpdateMapRun), new UpdateMapRun(_backend).HandleAsync)
            .Add<TestStateRequest, TestStateResponse>(nameof(TestState), new TestState(_backend).HandleAsync)
            .Add<PublishStateMachineVersionRequest, PublishStateMachineVersionResponse>(nameof(PublishStateMachineVersion), new PublishStateMachineVersion(_backend).HandleAsync)
            .Add<ListStateMachineVersionsRequest, ListStateMachineVersionsResponse>(nameof(ListStateMachineVersions), new ListStateMachineVersions(_backend).HandleAsync)
            .Add<DeleteStateMachineVersionRequest, DeleteStateMachineVersionResponse>(nameof(DeleteStateMachineVersion), new DeleteStateMachineVersion(_backend).HandleAsync)
            .Add<CreateStateMachineAliasRequest, CreateStateMachineAliasResponse>(nameof(CreateStateMachineAlias), new CreateStateMachineAlias(_backend).HandleAsync)
            .Add<DescribeStateMachineAliasRequest, DescribeStateMachineAliasResponse>(nameof(DescribeStateMachineAlias), new DescribeStateMachineAlias(_backend).HandleAsync)
            .Add<UpdateStateMachineAliasRequest, UpdateStateMachineAliasResponse>(nameof(UpdateStateMachineAlias), new UpdateStateMachineAlias(_backend).HandleAsync)
            .Add<ListStateMachineAliasesRequest, ListStateMachineAliasesResponse>(nameof(ListStateMachineAliases), new ListStateMachineAliases(_backend).HandleAsync)
            .Add<DeleteStateMachineAliasRequest, DeleteStateMachineAliasResponse>(nameof(DeleteStateMachineAlias), new DeleteStateMachineAlias(_backend).HandleAsync)
            .Add<CreateActivityRequest, CreateActivityResponse>(nameof(CreateActivity), new CreateActivity(_backend).HandleAsync)
            .Add<DescribeActivityRequest, DescribeActivityResponse>(nameof(DescribeActivity), new DescribeActivity(_backend).HandleAsync)
            .Add<ListActivitiesRequest, ListActivitiesResponse>(nameof(ListActivities), new ListActivities(_backend).HandleAsync)
            .Add<DeleteActivityRequest, DeleteActivityResponse>(nameof(DeleteActivity), new DeleteActivity(_backend).HandleAsync)
            .Add<GetActivityTaskRequest, GetActivityTaskResponse>(nameof(GetActivityTask), new GetActivityTask(_backend).HandleAsync);
        MapRunWiring.Connect(_backend, log);
        _backend.Executions.Forgotten += e => _backend.PublishedVersions.ForgetExecution(e.Arn);
        ExecutionStarter.Connect(_backend);
        if (_backend.Durable.IsDurable)
        {
            var versions = new MachineRecovery(_backend.Durable, _backend.Machines, _backend.Tags, log).Load();
            var running = new ExecutionRecovery(_backend.Durable, _backend.Executions, _backend.Engine, log).Load(versions);
            new RedriveRecovery(_backend.Durable, _backend.Executions, log).Load();
            new VersionRecovery(_backend.Durable, _backend.PublishedVersions, log).Load();
            new ActivityRecovery(_backend.Durable, _backend.Engine.Activities, log).Load();
            foreach (var (execution, resume) in running)
            {
                _backend.Resume(execution, resume);
            }
        }
    }

    public string Name => "states";

    public IReadOnlyList<string> TargetPrefixes { get; } = ["AWSStepFunctions"];

    public IReadOnlyList<string> PathPrefixes { get; } = [];

    public IEnumerable<string> ImplementedOperations => _dispatcher.Operations;

    public Task<ServiceResponse> HandleAsync(ServiceRequest request, CancellationToken cancellationToken)
        => _dispatcher.DispatchAsync(request, cancellationToken);

    /// <summary>
    /// Read-only views for LocalCloud's console, which has no API for them: each history event as it is appended
    /// (<see cref="ExecutionRegistry.HistoryAppended"/>) and whether a task token is still open. Every change the console
    /// makes goes through <see cref="HandleAsync"/>, as any client's.
    /// </summary>
    public ExecutionRegistry Executions => _backend.Executions;

    /// <summary>Whether <paramref name="token"/> belongs to a task still waiting for its callback (see <see cref="Executions"/>).</summary>
    public bool IsTokenOpen(string token) => _backend.Engine.Tokens.Find(token).State == TokenState.Open;

    /// <summary>
    /// When an open task times out for want of a heartbeat, or null (closed, or no HeartbeatSeconds): AWS has no API
    /// for it, and a heartbeat leaves no history event, so the console asks here.
    /// </summary>
    public DateTimeOffset? HeartbeatDeadline(string token) => _backend.Engine.Tokens.Find(token).Task?.HeartbeatDeadline;

    /// <summary>
    /// An activity's scheduled tasks that no worker has taken yet, and the GetActivityTask polls waiting for one; null for
    /// an unknown activity. AWS has no API for either; the console shows them.
    /// </summary>
    public (int Pending, int Pollers)? ActivityQueue(string activityArn)
        => _backend.Engine.Activities.Dispatcher(activityArn) is { } queue ? (queue.PendingCount, queue.PollerCount) : null;

    /// <summary>Where an alias's split between two versions draws from (AWS picks at random by weight); tests seed it.</summary>
    public Random AliasRouting
    {
        get => _backend.PublishedVersions.Random;
        set => _backend.PublishedVersions.Random = value;
    }

    /// <summary>Completes when the execution leaves RUNNING (for in-process tests and tools).</summary>
    public Task<ExecutionSnapshot> WaitForExecutionAsync(string executionArn, CancellationToken ct)
        => _backend.RequireExecution(executionArn).Finished.WaitAsync(ct);

    /// <summary>Completes when the execution waits on a timer or a callback, or has ended: lets tests step a fake clock.</summary>
    public Task WaitForIdleAsync(string executionArn, CancellationToken ct)
        => _backend.RequireExecution(executionArn).Idle.WhenIdleAsync().WaitAsync(ct);

    /// <summary>
    /// Stops every running execution. With a durable store they are left RUNNING in it, to resume on the next
    /// start; in memory they end as ABORTED, since nothing could resume them.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        foreach (var execution in _backend.Executions.All)
        {
            if (_backend.Durable.IsDurable)
            {
                execution.Detach();
                execution.Dispose();
                continue;
            }
            execution.Abort(Asl.StatesErrors.Runtime, "LocalCloud shut down");
            execution.Dispose();
        }
        return ValueTask.CompletedTask;
    }
}
