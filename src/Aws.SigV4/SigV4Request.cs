namespace Aws.SigV4;

/// <summary>The parts of an HTTP request that SigV4 signs, as they appear on the wire.</summary>
/// <param name="Method">The HTTP method, e.g. <c>POST</c>.</param>
/// <param name="Path">The request path as sent (percent-encoded or raw), e.g. <c>/2015-03-31/functions/f%3A1</c>.</param>
/// <param name="Query">The query string without the leading '?', or empty.</param>
/// <param name="Headers">Headers to sign, in request order; repeated names are allowed. Must include Host.</param>
/// <param name="Body">The request body (hashed into the signature).</param>
public sealed record SigV4Request(
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte> Body);
