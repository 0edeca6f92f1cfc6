namespace LocalCloud.StepFunctions.Asl.States;

/// <summary>TimeoutSeconds/HeartbeatSeconds, literal or by path (resolved against the state's input).</summary>
public sealed record TaskTimeouts(long? TimeoutSeconds = null, string? TimeoutSecondsPath = null, long? HeartbeatSeconds = null, string? HeartbeatSecondsPath = null)
{
    public static TaskTimeouts None { get; } = new();
}
