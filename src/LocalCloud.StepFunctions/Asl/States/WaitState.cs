using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.DataFlow;
using LocalCloud.StepFunctions.Asl.Jsonata;

namespace LocalCloud.StepFunctions.Asl.States;

/// <summary>What a Wait state waits for: Seconds or Timestamp, as literals, JSONPath paths or JSONata expressions.</summary>
public sealed record WaitSpec(
    long? Seconds = null,
    DateTimeOffset? Timestamp = null,
    string? SecondsPath = null,
    string? TimestampPath = null,
    JsonataTemplate? SecondsExpression = null,
    JsonataTemplate? TimestampExpression = null);

/// <summary>Waits Seconds, until Timestamp, or by the value a path or expression gives, on the TimeProvider.</summary>
public sealed class WaitState(string name, string? next, StateIo io, WaitSpec spec) : State(name, next, io)
{
    public override string Type => "Wait";

    public override async Task<StateOutcome> ExecuteAsync(IStateScope scope, JsonNode? rawInput, CancellationToken cancellationToken)
    {
        var input = Io.SelectInput(scope, rawInput);
        var until = Until(scope, input);
        var delay = until - scope.Time.GetUtcNow();
        if (delay > TimeSpan.Zero)
        {
            await scope.DelayAsync(delay, cancellationToken).ConfigureAwait(false);
        }
        return Finish(scope, rawInput, input, ResultKind.None);
    }

    private DateTimeOffset Until(IStateScope scope, JsonNode? input)
    {
        var from = scope.Entered;
        if (spec.Seconds is { } s)
        {
            return from.AddSeconds(s);
        }
        if (spec.Timestamp is { } t)
        {
            return t;
        }
        if (spec.SecondsExpression is { } secondsExpression)
        {
            return from.AddSeconds(StatesEnvironment.ForInput(scope, input).Number(secondsExpression, "Seconds", "non-negative integer", n => n >= 0 && n == Math.Floor(n)));
        }
        if (spec.TimestampExpression is { } timestampExpression)
        {
            var environment = StatesEnvironment.ForInput(scope, input);
            var value = timestampExpression.Evaluate(environment);
            return value is JsonValue v && v.TryGetValue<string>(out var text) && TryParseTimestamp(text, out var parsed)
                ? parsed
                : throw environment.TypeError(timestampExpression, "Timestamp", "ISO-8601 timestamp string", value);
        }
        if (spec.SecondsPath is { } secondsPath)
        {
            if (scope.TryPeek(secondsPath, input, out var v) && JsonNumbers.TryGetDouble(v, out var n) && n >= 0 && n == Math.Floor(n))
            {
                return from.AddSeconds(n);
            }
            throw new StatesFailureException(StatesErrors.Runtime, $"The SecondsPath parameter does not reference a valid non-negative integer value: {secondsPath}");
        }
        if (spec.TimestampPath is { } timestampPath && scope.TryPeek(timestampPath, input, out var tv)
            && tv is JsonValue tsValue && tsValue.TryGetValue<string>(out var ts) && TryParseTimestamp(ts, out var at))
        {
            return at;
        }
        throw new StatesFailureException(StatesErrors.Runtime, $"The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {spec.TimestampPath}");
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
