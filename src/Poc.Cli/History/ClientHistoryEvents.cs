using System.Text.Json;
using ClientEvent = Aws.Clients.StepFunctions.HistoryEvent;

namespace Poc.Cli.History;

/// <summary>Turns Aws.Clients' history events (one JSON member per details kind) into poc's.</summary>
public static class ClientHistoryEvents
{
    /// <summary>Converts every event, oldest first.</summary>
    public static IReadOnlyList<HistoryEvent> Convert(IEnumerable<ClientEvent> events)
        => [.. events.Select(Convert).OrderBy(e => e.Id)];

    /// <summary>Converts one event.</summary>
    public static HistoryEvent Convert(ClientEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return HistoryEventParser.FromDetails(e.Id, e.Timestamp, e.Type, Details(e));
    }

    // Only the kinds poc reads; an event carries at most one of them.
    private static JsonElement? Details(ClientEvent e)
        => e.StateEnteredEventDetails
           ?? e.StateExitedEventDetails
           ?? e.TaskScheduledEventDetails
           ?? e.TaskFailedEventDetails
           ?? e.TaskTimedOutEventDetails
           ?? e.TaskStartFailedEventDetails
           ?? e.TaskSubmitFailedEventDetails
           ?? e.ExecutionFailedEventDetails
           ?? e.ExecutionTimedOutEventDetails
           ?? e.LambdaFunctionFailedEventDetails;
}
