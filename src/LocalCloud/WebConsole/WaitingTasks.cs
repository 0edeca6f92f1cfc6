using System.Text.Json.Nodes;
using LocalCloud.StepFunctions;
using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Engine.Tokens;

namespace LocalCloud.WebConsole;

/// <summary>A callback task that waits: where, since when, its limits, and its token (shown masked).</summary>
internal sealed record WaitingTask(
    string ExecutionArn, string ExecutionName, string StateMachineArn, long EventId, string? State, string Resource,
    DateTimeOffset Scheduled, long? TimeoutSeconds, long? HeartbeatSeconds, string Token)
{
    public string MaskedToken => TokenMask.Mask(Token);

    /// <summary>When the task fails with States.HeartbeatTimeout unless a heartbeat arrives: from the open task itself.</summary>
    public DateTimeOffset? HeartbeatDeadline { get; init; }
}

/// <summary>
/// Finds the tasks that wait for a callback. Step Functions has no API that lists them, so they are read from each
/// running execution's history: a task's token is in the parameters its TaskScheduled event recorded (the callback
/// pattern must pass it to whoever answers), and the token registry says whether it is still open.
/// </summary>
internal static class WaitingTasks
{
    public static List<WaitingTask> Find(StepFunctionsService states, IEnumerable<Execution> executions)
    {
        var waiting = new List<WaitingTask>();
        foreach (var execution in executions.Where(e => e.IsRunning))
        {
            waiting.AddRange(Of(states, execution.Snapshot()));
        }
        return [.. waiting.OrderBy(w => w.Scheduled)];
    }

    public static IEnumerable<WaitingTask> Of(StepFunctionsService states, ExecutionSnapshot snapshot)
        => Scheduled(snapshot).Where(w => states.IsTokenOpen(w.Token)).Select(w => w with { HeartbeatDeadline = states.HeartbeatDeadline(w.Token) });

    /// <summary>
    /// The token a TaskScheduled event carries, open or not, for the actions (which name the event, never the token):
    /// a closed one still goes to SendTaskSuccess, which answers TaskTimedOut as AWS does.
    /// </summary>
    public static string? TokenOf(ExecutionSnapshot snapshot, long eventId)
        => Scheduled(snapshot).FirstOrDefault(w => w.EventId == eventId)?.Token;

    private static IEnumerable<WaitingTask> Scheduled(ExecutionSnapshot snapshot)
    {
        string? state = null;
        foreach (var e in snapshot.History)
        {
            if (e.Type.EndsWith("StateEntered", StringComparison.Ordinal))
            {
                state = e.Details?["name"]?.GetValue<string>();
            }
            if (e.Type != "TaskScheduled" || e.Details is not { } details || details["parameters"]?.GetValue<string>() is not { } parameters)
            {
                continue;
            }
            foreach (var token in Strings(Parse(parameters)).Where(s => TaskTokenFormat.IsWellFormed(s)))
            {
                yield return new WaitingTask(snapshot.ExecutionArn, snapshot.Name, snapshot.StateMachineArn, e.Id, state,
                    details["resource"]?.GetValue<string>() ?? "", e.Timestamp,
                    details["timeoutInSeconds"]?.GetValue<long>(), details["heartbeatInSeconds"]?.GetValue<long>(), token);
            }
        }
    }

    private static JsonNode? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
