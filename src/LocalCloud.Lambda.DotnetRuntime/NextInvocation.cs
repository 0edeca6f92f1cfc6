namespace LocalCloud.Lambda.DotnetRuntime;

/// <param name="DeadlineMs">Lambda-Runtime-Deadline-Ms: Unix milliseconds at which the invocation times out.</param>
internal sealed record NextInvocation(string RequestId, byte[] Payload, long DeadlineMs, string InvokedFunctionArn, string? TraceId);
