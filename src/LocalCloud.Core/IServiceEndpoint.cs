namespace LocalCloud.Core;

/// <summary>
/// One emulated AWS service as the host sees it. The host picks the endpoint (by X-Amz-Target prefix
/// or by path) and hands it the request; the endpoint answers with AWS's wire shape, errors included.
/// </summary>
public interface IServiceEndpoint
{
    /// <summary>Short name used in health and usage output, e.g. "states", "lambda", "dynamodb", "scheduler".</summary>
    string Name { get; }

    /// <summary>X-Amz-Target prefixes this endpoint serves (awsJson protocols), e.g. "DynamoDB_20120810".</summary>
    IReadOnlyList<string> TargetPrefixes { get; }

    /// <summary>Path prefixes this endpoint serves (restJson1 protocols), e.g. "/2015-03-31/functions".</summary>
    IReadOnlyList<string> PathPrefixes { get; }

    Task<ServiceResponse> HandleAsync(ServiceRequest request, CancellationToken cancellationToken);

    /// <summary>A short state for GET /_localcloud/health, e.g. "running".</summary>
    string State => "running";
}
