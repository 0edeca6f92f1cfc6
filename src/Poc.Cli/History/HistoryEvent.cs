using System.Text.Json;

namespace Poc.Cli.History;

/// <summary>One event of GetExecutionHistory, with the details poc reads from it.</summary>
/// <param name="Id">The event id (1-based, increasing).</param>
/// <param name="Timestamp">When Step Functions recorded it.</param>
/// <param name="Type">The HistoryEventType, e.g. <c>TaskStateEntered</c>.</param>
public sealed record HistoryEvent(long Id, DateTimeOffset Timestamp, string Type)
{
    /// <summary>The state name of a *StateEntered / *StateExited event.</summary>
    public string? StateName { get; init; }

    /// <summary>TaskScheduled: resourceType:resource, e.g. <c>lambda:invoke.waitForTaskToken</c>.</summary>
    public string? Resource { get; init; }

    /// <summary>TaskScheduled: the resolved Parameters as a JSON string.</summary>
    public string? Parameters { get; init; }

    /// <summary>The error of a *Failed / *TimedOut event.</summary>
    public string? Error { get; init; }

    /// <summary>The cause of a *Failed / *TimedOut event.</summary>
    public string? Cause { get; init; }

    /// <summary>True for every *StateEntered event (TaskStateEntered, FailStateEntered, …).</summary>
    public bool IsStateEntered => Type.EndsWith("StateEntered", StringComparison.Ordinal);

    /// <summary>True for the events that end a task: its callback or its timeout.</summary>
    public bool IsTaskOutcome => Type is "TaskSucceeded" or "TaskFailed" or "TaskTimedOut";

    /// <summary>Pulls a task token out of TaskScheduled parameters, wherever the state put <c>$$.Task.Token</c>.</summary>
    public string? FindTaskToken()
    {
        if (Parameters is null)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(Parameters);
            return FindToken(doc.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? FindToken(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String
                        && property.Name.Contains("token", StringComparison.OrdinalIgnoreCase)
                        && property.Value.GetString() is { Length: > 0 } token)
                    {
                        return token;
                    }

                    if (FindToken(property.Value) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(FindToken).FirstOrDefault(t => t is not null);
            default:
                return null;
        }
    }
}
