using Poc.Cli.History;
using Poc.Cli.Runs;

namespace Poc.Cli.Report;

/// <summary>
/// One job from start to finish: execution start, create-job, each poll, the callback and the resume. Polls leave no
/// history event, so they are placed one poll interval apart ending at the callback, which follows the last poll at once.
/// </summary>
public sealed record JobTimeline(string ExecutionName, IReadOnlyList<TimelineMark> Marks)
{
    /// <summary>Builds the timeline of <paramref name="execution"/>; null when its history has no start.</summary>
    public static JobTimeline? From(ExecutionObservation execution, double pollIntervalSeconds)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var history = execution.History;
        var start = history.FirstOrDefault(e => e.Type == "ExecutionStarted");
        if (start is null)
        {
            return null;
        }

        double At(HistoryEvent e) => (e.Timestamp - start.Timestamp).TotalSeconds;
        var marks = new List<TimelineMark> { new(0, "execution started", "start") };
        var scheduled = HistoryAnalysis.CallbackScheduled(history);
        if (scheduled is not null)
        {
            marks.Add(new TimelineMark(At(scheduled), "create-job invoked with the task token", "task"));
        }

        var reconnection = execution.Reconnection;
        if (reconnection is not null)
        {
            var callbackAt = At(reconnection.Outcome);
            var attempts = execution.Record?.Attempts ?? 0;
            var earliest = scheduled is null ? 0 : At(scheduled);
            for (var k = 1; k <= attempts; k++)
            {
                var at = Math.Max(earliest, callbackAt - ((attempts - k) * pollIntervalSeconds));
                marks.Add(new TimelineMark(at, $"poll {k}", "poll", Reconstructed: true));
            }

            marks.Add(new TimelineMark(callbackAt, $"callback: {reconnection.Outcome.Type}", "callback"));
            marks.Add(new TimelineMark(At(reconnection.NextState), $"resumed: {reconnection.NextState.StateName}", "resume"));
        }

        var end = history.LastOrDefault(e => e.Type is "ExecutionSucceeded" or "ExecutionFailed" or "ExecutionTimedOut" or "ExecutionAborted");
        if (end is not null)
        {
            marks.Add(new TimelineMark(At(end), end.Type, "end"));
        }

        return new JobTimeline(execution.ExecutionName, [.. marks.OrderBy(m => m.Seconds)]);
    }
}
