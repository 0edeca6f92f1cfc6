namespace Aws.Clients.Runtime;

/// <summary>A successful (2xx) response, fully read.</summary>
internal sealed record AwsHttpResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
