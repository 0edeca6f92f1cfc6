using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Asl.Definition;
using LocalCloud.StepFunctions.Asl.States;
using LocalCloud.StepFunctions.Asl.Variables;
using LocalCloud.StepFunctions.Engine.Checkpoints;
using LocalCloud.StepFunctions.Engine.Tasks;
using LocalCloud.StepFunctions.Engine.Tokens;

namespace LocalCloud.StepFunctions.Engine;

/// <summary>
/// One attempt at one state: the scope a state evaluates against. On the main path of a durable execution it
/// carries the checkpoint of this attempt (<paramref name="position"/>), and after a restart the task the
/// attempt had reached (<paramref name="resume"/>), so the state re-runs without repeating what history shows.
/// </summary>
public sealed class StateVisit(
    StateGraphRunner graph,
    EngineEnvironment env,
    State current,
    DateTimeOffset enteredTime,
    long enteredEventId,
    int retryCount,
    VariableScope variables,
    Checkpoint? position = null,
    ResumePoint? resume = null)
    : IStateScope
{
    private readonly Execution _execution = graph.Execution;
    private ResumePoint? _resume = resume;
    private string? _token;
    private JsonObject? _context;

    public string StateName => current.Name;

    /// <summary>A visit of the execution's own path (not inside a Parallel branch or Map iteration): redrive keeps its children.</summary>
    public bool IsMain { get; init; }

    public IReadOnlyDictionary<int, string>? TakeRedrivenChildren() => IsMain ? _execution.TakeRedrivenChildren(current.Name) : null;

    public Task<JsonNode?[]> RunMapRunAsync(MapRunSpec spec, CancellationToken cancellationToken)
        => new MapRuns.MapRunRunner(_execution, env, this).RunAsync(spec, cancellationToken);

    public void ChildEnded(int index, JsonNode? output, bool succeeded)
    {
        if (IsMain)
        {
            _execution.ChildEnded(index, output, succeeded);
        }
    }

    public long EnteredEventId => enteredEventId;

    public IVariables Variables => variables;

    public TimeProvider Time => env.Time;

    public DateTimeOffset Entered => enteredTime;

    /// <summary>True on the main path of a durable execution: task events then carry checkpoints.</summary>
    public bool IsJournaled => position is not null;

    /// <summary>How far this attempt's task got before a restart; null on a fresh attempt.</summary>
    public TaskCheckpoint? ResumedTask => _resume?.Checkpoint.Task;

    /// <summary>The task re-opened when the store was loaded (its token already answers callbacks); taken once.</summary>
    public OpenTask? TakeResumedTask()
    {
        var task = _resume?.Task;
        _resume = _resume is null ? null : _resume with { Task = null };
        return task;
    }

    /// <summary>The checkpoint for a task event of this attempt, or null when nothing is journaled.</summary>
    public Checkpoint? At(TaskCheckpoint? task) => position is null || task is null ? null : position with { Task = task };

    /// <summary>The context object (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html).</summary>
    public JsonObject Context => _context ??= new JsonObject
    {
        ["Execution"] = new JsonObject
        {
            ["Id"] = _execution.Arn,
            ["Input"] = JsonNode.Parse(_execution.Input),
            ["Name"] = _execution.Name,
            ["RoleArn"] = _execution.Machine.RoleArn,
            ["StartTime"] = Iso(_execution.StartDate),
            ["RedriveCount"] = _execution.RedriveCount,
        },
        ["State"] = new JsonObject { ["EnteredTime"] = Iso(enteredTime), ["Name"] = current.Name, ["RetryCount"] = retryCount },
        ["StateMachine"] = new JsonObject { ["Id"] = _execution.Machine.Arn, ["Name"] = _execution.Machine.Name },
        ["Task"] = _token is null ? null : new JsonObject { ["Token"] = _token },
    };

    public string MintTaskToken()
    {
        // After a restart the waiting task keeps its token: the worker holding it can still answer.
        _token = ResumedTask?.Token ?? TaskTokenRegistry.Mint();
        _context = null;
        return _token;
    }

    public async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var elapsed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = env.Time.CreateTimer(_ => _execution.Idle.Wake(() => elapsed.TrySetResult()), null, delay, Timeout.InfiniteTimeSpan);
        using var registration = cancellationToken.Register(() => _execution.Idle.Wake(() => elapsed.TrySetCanceled(cancellationToken)));
        _execution.Idle.Park(elapsed.Task);
        await elapsed.Task.ConfigureAwait(false);
    }

    public Task<JsonNode?> RunTaskAsync(TaskState state, JsonNode? stateInput, JsonNode? effectiveInput, string? taskToken, CancellationToken cancellationToken)
    {
        if (ResumedTask is { Phase: TaskPhase.Closed, Outcome: { } closed })
        {
            // Its closing event is in history: the state goes on from the outcome it wrote.
            _resume = null;
            try
            {
                return Task.FromResult(closed.Result());
            }
            catch (StatesFailureException e)
            {
                return Task.FromException<JsonNode?>(e);
            }
        }
        return new TaskAttempt(_execution, env, this).RunAsync(state, stateInput, effectiveInput, taskToken, cancellationToken);
    }

    public void Emit(string type, string? member = null, JsonObject? details = null) => _execution.Append(type, member, details);

    public void Emit(string type, string member, Func<JsonObject> details) => _execution.Append(type, member, EventDetails.Deferred(details));

    public async Task<JsonNode?> RunBranchAsync(StateMachineDefinition branch, JsonNode? input, CancellationToken cancellationToken)
    {
        var (output, failure) = await graph.RunAsync(branch, input, variables.Child(), cancellationToken).ConfigureAwait(false);
        return failure is null ? output : throw new StatesFailureException(failure);
    }

    /// <summary>
    /// Runs <paramref name="count"/> strands at once as async steps (no thread each) and returns when all
    /// have ended. Each strand counts for idleness until it parks, and the last one's end resumes this
    /// visit in the same atomic step, so a fake clock never sees a half-finished join.
    /// </summary>
    public async Task RunStrandsAsync(int count, Func<int, Task> body)
    {
        if (count <= 0)
        {
            return;
        }
        var remaining = count;
        // Each strand's events chain from here (a Parallel's ParallelStateStarted, a Map's MapStateStarted).
        var after = EventLane.Current?.Last ?? _execution.LastEventId;
        var joined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _execution.Idle.AddStrands(count);
        var strands = new Task[count];
        for (var i = 0; i < count; i++)
        {
            strands[i] = RunStrandAsync(i);
        }
        _execution.Idle.Park(joined.Task);
        await joined.Task.ConfigureAwait(false);
        await Task.WhenAll(strands).ConfigureAwait(false);

        async Task RunStrandAsync(int index)
        {
            EventLane.Begin(after);
            try
            {
                await body(index).ConfigureAwait(false);
            }
            finally
            {
                _execution.Idle.EndStrand(() =>
                {
                    if (--remaining == 0)
                    {
                        joined.TrySetResult();
                    }
                });
            }
        }
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
