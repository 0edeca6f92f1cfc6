namespace Aws.Clients.StepFunctions;

/// <summary>Output of SendTaskHeartbeat (empty).</summary>
public sealed record SendTaskHeartbeatResponse;
