using System.Globalization;
using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.DataFlow;

namespace LocalCloud.StepFunctions.Asl.States;

/// <summary>Waits Seconds, until Timestamp, or by the value SecondsPath/TimestampPath select, on the TimeProvider.</summary>
public sealed class WaitState(string name, string? next, StateDataFields data, long? seconds, DateTimeOffset? timestamp, string? secondsPath, string? timestampPath)
    : State(name, next, data)
{
    public override string Type => "Wait";

    public override async Task<StateOutcome> ExecuteAsync(IStateScope scope, JsonNode? rawInput, CancellationToken cancellationToken)
    {
        var input = scope.DataFlow.SelectInput(Data, rawInput);
        var until = Until(scope, input);
        var delay = until - scope.Time.GetUtcNow();
        if (delay > TimeSpan.Zero)
        {
            await scope.DelayAsync(delay, cancellationToken).ConfigureAwait(false);
        }
        return new StateOutcome(scope.DataFlow.SelectOutput(Data, input), Next);
    }

    private DateTimeOffset Until(IStateScope scope, JsonNode? input)
    {
        var from = scope.Entered;
        if (seconds is { } s)
        {
            return from.AddSeconds(s);
        }
        if (timestamp is { } t)
        {
            return t;
        }
        if (secondsPath is not null)
        {
            if (scope.TryRead(secondsPath, input, out var v) && JsonNumbers.TryGetDouble(v, out var n) && n >= 0 && n == Math.Floor(n))
            {
                return from.AddSeconds(n);
            }
            throw new StatesFailureException(StatesErrors.Runtime, $"The SecondsPath parameter does not reference a valid non-negative integer value: {secondsPath}");
        }
        if (timestampPath is not null && scope.TryRead(timestampPath, input, out var tv)
            && tv is JsonValue tsValue && tsValue.TryGetValue<string>(out var text) && TryParseTimestamp(text, out var parsed))
        {
            return parsed;
        }
        throw new StatesFailureException(StatesErrors.Runtime, $"The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {timestampPath}");
    }

    /// <summary>ASL timestamps are RFC 3339 date-times with an explicit offset or "Z".</summary>
    public static bool TryParseTimestamp(string text, out DateTimeOffset value)
    {
        value = default;
        return text.Contains('T', StringComparison.Ordinal)
            && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T', StringComparison.Ordinal))
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out value);
    }
}
