namespace Aws.Clients.Runtime;

/// <summary>A protocol-level request: path already URI-encoded, query values raw.</summary>
internal sealed record AwsHttpRequest(
    HttpMethod Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    string? ContentType);
