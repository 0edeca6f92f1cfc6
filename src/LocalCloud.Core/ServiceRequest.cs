namespace LocalCloud.Core;

/// <summary>An HTTP request as a service sees it, free of any web framework type.</summary>
/// <param name="Headers">Case-insensitive; repeated headers joined with commas, as HTTP allows.</param>
public sealed record ServiceRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    ReadOnlyMemory<byte> Body,
    RequestContext Context)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}
