using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalCloud.Lambda.Execution;

/// <summary>How one invocation ended; <see cref="ErrorType"/> is null only for success.</summary>
internal sealed record InvocationOutcome(OutcomeKind Kind, ReadOnlyMemory<byte> Payload, string? ErrorType)
{
    public bool IsError => Kind != OutcomeKind.Success;

    /// <summary>Whether the worker may serve further invocations afterwards (AWS keeps the environment after a function error).</summary>
    public bool KeepsWorker => Kind is OutcomeKind.Success or OutcomeKind.FunctionError;

    public static InvocationOutcome Success(ReadOnlyMemory<byte> payload) => new(OutcomeKind.Success, payload, null);

    /// <summary>The runtime's error document is returned to the caller as it was posted, when it is a JSON object.</summary>
    public static InvocationOutcome Reported(OutcomeKind kind, ReadOnlyMemory<byte> body, string? errorTypeHeader)
    {
        try
        {
            if (JsonNode.Parse(body.Span) is JsonObject document)
            {
                var type = document["errorType"] is JsonValue v && v.TryGetValue<string>(out var t) ? t : errorTypeHeader;
                return new(kind, body, type ?? "Unhandled");
            }
        }
        catch (JsonException)
        {
            // Not JSON: wrap the text below, as Lambda does for runtimes that post plain text.
        }
        var fallbackType = string.IsNullOrEmpty(errorTypeHeader) ? "Unhandled" : errorTypeHeader;
        return Error(kind, fallbackType, System.Text.Encoding.UTF8.GetString(body.Span));
    }

    /// <summary>Set when LocalCloud itself worded the error (timeout, crash, bad entry point), not the runtime.</summary>
    public string? ErrorMessage { get; init; }

    public static InvocationOutcome Error(OutcomeKind kind, string errorType, string errorMessage)
    {
        var document = new JsonObject { ["errorType"] = errorType, ["errorMessage"] = errorMessage };
        return new(kind, JsonSerializer.SerializeToUtf8Bytes(document), errorType) { ErrorMessage = errorMessage };
    }
}
