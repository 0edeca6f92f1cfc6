using LocalCloud.StepFunctions.Asl.Jsonata;

namespace LocalCloud.StepFunctions.Asl.States;

/// <summary>TimeoutSeconds/HeartbeatSeconds: literal, by path (JSONPath) or by expression (JSONata), resolved against the state's input.</summary>
public sealed record TaskTimeouts(
    long? TimeoutSeconds = null,
    string? TimeoutSecondsPath = null,
    long? HeartbeatSeconds = null,
    string? HeartbeatSecondsPath = null,
    JsonataTemplate? TimeoutSecondsExpression = null,
    JsonataTemplate? HeartbeatSecondsExpression = null)
{
    public static TaskTimeouts None { get; } = new();
}
