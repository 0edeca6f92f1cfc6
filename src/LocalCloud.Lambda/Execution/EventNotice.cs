namespace LocalCloud.Lambda.Execution;

/// <summary>What became of an Event invocation at one step (for tests and the monitor's logs).</summary>
internal sealed record EventNotice(string RequestId, string FunctionName, EventStep Step, int FailedAttempts, TimeSpan? Delay = null);
