using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.DataFlow;
using LocalCloud.StepFunctions.Asl.States;
using LocalCloud.StepFunctions.Engine.Tasks;
using LocalCloud.StepFunctions.Engine.Tokens;

namespace LocalCloud.StepFunctions.Engine;

/// <summary>One attempt at one state: the scope a state evaluates against.</summary>
public sealed class StateVisit(Execution execution, EngineEnvironment env, State current, DateTimeOffset enteredTime, int retryCount) : IStateScope
{
    private string? _token;
    private JsonObject? _context;

    public IDataFlow DataFlow => env.DataFlow;

    public TimeProvider Time => env.Time;

    /// <summary>The context object (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html).</summary>
    public JsonObject Context => _context ??= new JsonObject
    {
        ["Execution"] = new JsonObject
        {
            ["Id"] = execution.Arn,
            ["Input"] = JsonNode.Parse(execution.Input),
            ["Name"] = execution.Name,
            ["RoleArn"] = execution.Machine.RoleArn,
            ["StartTime"] = Iso(execution.StartDate),
            ["RedriveCount"] = 0,
        },
        ["State"] = new JsonObject { ["EnteredTime"] = Iso(enteredTime), ["Name"] = current.Name, ["RetryCount"] = retryCount },
        ["StateMachine"] = new JsonObject { ["Id"] = execution.Machine.Arn, ["Name"] = execution.Machine.Name },
        ["Task"] = _token is null ? null : new JsonObject { ["Token"] = _token },
    };

    public string MintTaskToken()
    {
        _token = TaskTokenRegistry.Mint();
        _context = null;
        return _token;
    }

    public async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var elapsed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = env.Time.CreateTimer(_ => execution.Wake(() => elapsed.TrySetResult()), null, delay, Timeout.InfiniteTimeSpan);
        using var registration = cancellationToken.Register(() => elapsed.TrySetCanceled(cancellationToken));
        execution.Park(elapsed.Task);
        await elapsed.Task.ConfigureAwait(false);
    }

    public Task<JsonNode?> RunTaskAsync(TaskState state, JsonNode? stateInput, JsonNode? effectiveInput, string? taskToken, CancellationToken cancellationToken)
        => new LambdaTaskRunner(execution, env, this).RunAsync(state, stateInput, effectiveInput, taskToken, cancellationToken);

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
