using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Asl.Definition;
using LocalCloud.StepFunctions.Asl.States;
using LocalCloud.StepFunctions.Asl.Variables;
using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Engine.Tokens;

namespace LocalCloud.StepFunctions.Testing;

/// <summary>
/// The scope a state is evaluated against by TestState, and the observer of that one evaluation: it records what the
/// task was given and what it returned, so inspectionData shows the values the state really used. There is no
/// execution and no history; a Wait does not wait, and a Task is answered by the mock or by the same runner an
/// execution would use.
/// </summary>
internal sealed class StateTestScope(StateTest test, EngineEnvironment env, RequestContext request) : IStateScope
{
    private readonly DateTimeOffset _entered = env.Time.GetUtcNow();
    private string? _token;
    private JsonObject? _context;

    public VariableScope Scope { get; } = test.Variables is { Count: > 0 } v
        ? VariableScope.FromJson(v.ToJsonString())
        : new VariableScope();

    /// <summary>What the Task was called with (afterParameters / afterArguments), once it was called.</summary>
    public JsonNode? TaskInput { get; private set; }

    /// <summary>What the Task returned, once it returned.</summary>
    public JsonNode? TaskResult { get; private set; }

    public bool TaskCalled { get; private set; }

    public StateTestConfiguration Configuration => test.Configuration;

    public TimeProvider Time => env.Time;

    public string StateName => test.State.Name;

    public long EnteredEventId => 0;

    public DateTimeOffset Entered => _entered;

    public IVariables Variables => Scope;

    /// <summary>The request's context when given, else one shaped as an execution's (names marked as TestState's).</summary>
    public JsonObject Context => _context ??= test.Context?.DeepClone().AsObject() ?? new JsonObject
    {
        ["Execution"] = new JsonObject
        {
            ["Id"] = $"arn:aws:states:{request.Region}:{request.AccountId}:execution:TestState:{request.RequestId}",
            ["Input"] = test.Input?.DeepClone(),
            ["Name"] = request.RequestId,
            ["RoleArn"] = test.RoleArn,
            ["StartTime"] = Iso(_entered),
            ["RedriveCount"] = 0,
        },
        ["State"] = new JsonObject { ["EnteredTime"] = Iso(_entered), ["Name"] = test.State.Name, ["RetryCount"] = test.Configuration.RetrierRetryCount },
        ["StateMachine"] = new JsonObject
        {
            ["Id"] = $"arn:aws:states:{request.Region}:{request.AccountId}:stateMachine:TestState",
            ["Name"] = "TestState",
        },
        ["Task"] = _token is null ? null : new JsonObject { ["Token"] = _token },
    };

    public string MintTaskToken()
    {
        _token = TaskTokenRegistry.Mint();
        if (_context is not null && test.Context is null)
        {
            _context["Task"] = new JsonObject { ["Token"] = _token };
        }
        return _token;
    }

    /// <summary>TestState reports the state's outcome without waiting for it: a Wait answers at once.</summary>
    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<JsonNode?> RunTaskAsync(TaskState state, JsonNode? stateInput, JsonNode? effectiveInput, string? taskToken, CancellationToken cancellationToken)
    {
        TaskInput = effectiveInput?.DeepClone();
        TaskCalled = true;
        TaskResult = test.Mock is { } mock
            ? mock.Error is { } error ? throw new StatesFailureException(error) : mock.Result?.DeepClone()
            : await CallAsync(state, effectiveInput, cancellationToken).ConfigureAwait(false);
        return TaskResult?.DeepClone();
    }

    /// <summary>Without a mock the task really runs, through the runner an execution would use, in a throwaway execution.</summary>
    private async Task<JsonNode?> CallAsync(TaskState state, JsonNode? input, CancellationToken cancellationToken)
    {
        var (runner, resource) = env.Runners.Resolve(state.Resource);
        var machine = new StateMachineVersion(
            $"arn:aws:states:{request.Region}:{request.AccountId}:stateMachine:TestState", "TestState", test.RoleArn,
            new StateMachineDefinition(state.Name, new Dictionary<string, State>(StringComparer.Ordinal) { [state.Name] = state }, null, null));
        using var execution = new Execution(Context["Execution"]?["Id"]?.GetValue<string>() ?? machine.Arn + ":" + request.RequestId,
            request.RequestId, machine, Events.Json(test.Input), request, env.Time);
        var outcome = await runner.Prepare(resource, input, env, execution)(cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            TaskOutcome.Succeeded s => JsonNode.Parse(s.Output),
            TaskOutcome.Failed f => throw new StatesFailureException(f.Failure),
            TaskOutcome.TimedOut t => throw new StatesFailureException(t.Failure),
            _ => throw new OperationCanceledException(),
        };
    }

    public void Emit(string type, string? member = null, JsonObject? details = null)
    {
        // No history: TestState has no execution to write it to.
    }

    public Task<JsonNode?> RunBranchAsync(StateMachineDefinition branch, JsonNode? input, CancellationToken cancellationToken)
        => throw new InvalidOperationException("TestState runs Map and Parallel only with a mock, which never runs a branch.");

    public Task RunStrandsAsync(int count, Func<int, Task> body)
        => throw new InvalidOperationException("TestState runs Map and Parallel only with a mock, which never runs a branch.");

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
