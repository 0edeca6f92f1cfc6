namespace LocalCloud.Core.Ports;

/// <summary>
/// How Step Functions and Scheduler call Lambda inside LocalCloud: the same semantics as the Invoke
/// API (errors as <see cref="AwsServiceException"/>, function errors in the result), without HTTP.
/// </summary>
public interface ILambdaInvoker
{
    Task<LambdaInvokeResult> InvokeAsync(LambdaInvokeRequest request, RequestContext context, CancellationToken cancellationToken);
}

public enum LambdaInvocationType
{
    RequestResponse,
    Event,
    DryRun,
}

/// <param name="FunctionName">A name, a partial ARN or a full ARN, optionally with a qualifier.</param>
public sealed record LambdaInvokeRequest(string FunctionName, ReadOnlyMemory<byte> Payload, LambdaInvocationType InvocationType = LambdaInvocationType.RequestResponse, string? Qualifier = null);

/// <param name="StatusCode">200 for RequestResponse, 202 for Event, 204 for DryRun.</param>
/// <param name="FunctionError">"Unhandled" when the function failed (the payload then holds errorType/errorMessage).</param>
public sealed record LambdaInvokeResult(int StatusCode, ReadOnlyMemory<byte> Payload, string? FunctionError, string ExecutedVersion = "$LATEST", string? LogResult = null);
