using LocalCloud.Core;

namespace LocalCloud.Hosting;

/// <summary>
/// Picks the service for a request: by X-Amz-Target prefix (awsJson services), else by the longest
/// matching path prefix (restJson1 services), else by the SigV4 signing name as a last resort.
/// </summary>
internal sealed class ServiceRouter
{
    private readonly Dictionary<string, IServiceEndpoint> _byTarget = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, IServiceEndpoint Endpoint)> _byPath = [];
    private readonly Dictionary<string, IServiceEndpoint> _byName = new(StringComparer.Ordinal);

    public ServiceRouter(IEnumerable<IServiceEndpoint> endpoints)
    {
        foreach (var endpoint in endpoints)
        {
            _byName[endpoint.Name] = endpoint;
            foreach (var prefix in endpoint.TargetPrefixes)
            {
                _byTarget[prefix] = endpoint;
            }
            foreach (var prefix in endpoint.PathPrefixes)
            {
                _byPath.Add((prefix, endpoint));
            }
        }
        _byPath.Sort((a, b) => b.Prefix.Length.CompareTo(a.Prefix.Length));
    }

    public IServiceEndpoint? Route(string path, string? target, string? signingService)
    {
        if (!string.IsNullOrEmpty(target))
        {
            var dot = target.IndexOf('.', StringComparison.Ordinal);
            var prefix = dot < 0 ? target : target[..dot];
            return _byTarget.GetValueOrDefault(prefix);
        }
        foreach (var (prefix, endpoint) in _byPath)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return endpoint;
            }
        }
        return signingService is null ? null : _byName.GetValueOrDefault(signingService);
    }
}
