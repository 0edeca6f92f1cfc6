namespace Poc.Cli.Endpoints;

/// <summary>One finished Lambda invocation as LocalCloud lists them (GET /_localcloud/lambda/invocations).</summary>
/// <param name="FunctionName">The function invoked.</param>
/// <param name="RequestId">The invocation's request id.</param>
/// <param name="InvocationType">RequestResponse or Event.</param>
/// <param name="Start">When it began, at LocalCloud's full clock precision.</param>
/// <param name="Duration">How long the handler ran.</param>
/// <param name="BilledDurationMs">What Lambda would bill, in milliseconds.</param>
/// <param name="InitDuration">The worker's start-up, on a cold start; else null.</param>
/// <param name="ErrorType">The function error's type, or null when it succeeded.</param>
/// <param name="WorkerId">The worker that ran it, or null.</param>
public sealed record LambdaInvocation(
    string FunctionName,
    string RequestId,
    string InvocationType,
    DateTimeOffset Start,
    TimeSpan Duration,
    long BilledDurationMs,
    TimeSpan? InitDuration,
    string? ErrorType,
    string? WorkerId)
{
    /// <summary>True when the invocation had to start a worker.</summary>
    public bool ColdStart => InitDuration is not null;
}
