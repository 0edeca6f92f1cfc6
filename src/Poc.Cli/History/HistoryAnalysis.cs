namespace Poc.Cli.History;

/// <summary>What poc reads from an execution's history: where it is, its callback task, and how fast it resumed.</summary>
public static class HistoryAnalysis
{
    /// <summary>The resource a callback task is scheduled with (resourceType:resource in TaskScheduled).</summary>
    public const string CallbackResource = "lambda:invoke.waitForTaskToken";

    /// <summary>"State (LastEventType)" for a progress line: the last state entered and the newest event.</summary>
    public static string CurrentState(IReadOnlyList<HistoryEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return "-";
        }

        var last = events[^1];
        var state = events.LastOrDefault(e => e.IsStateEntered)?.StateName;
        return state is null ? last.Type : $"{state} ({last.Type})";
    }

    /// <summary>The TaskScheduled event of the callback task (the first, if a retry scheduled it again), or null.</summary>
    public static HistoryEvent? CallbackScheduled(IReadOnlyList<HistoryEvent> events)
        => events.FirstOrDefault(e => e.Type == "TaskScheduled"
                                      && string.Equals(e.Resource, CallbackResource, StringComparison.Ordinal));

    /// <summary>
    /// The callback task's outcome and the next state entered after it. Without a callback task (the baseline)
    /// the last task outcome is measured instead. Null until the workflow has resumed.
    /// </summary>
    public static Reconnection? FindReconnection(IReadOnlyList<HistoryEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var scheduled = CallbackScheduled(events);
        var outcome = scheduled is not null
            ? events.FirstOrDefault(e => e.Id > scheduled.Id && e.IsTaskOutcome)
            : events.LastOrDefault(e => e.IsTaskOutcome);
        if (outcome is null)
        {
            return null;
        }

        var next = events.FirstOrDefault(e => e.Id > outcome.Id && e.IsStateEntered);
        return next is null ? null : new Reconnection(outcome, next, next.Timestamp - outcome.Timestamp);
    }
}
