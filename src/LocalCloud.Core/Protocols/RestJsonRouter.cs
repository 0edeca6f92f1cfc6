namespace LocalCloud.Core.Protocols;

/// <summary>
/// The restJson1 protocol: operations are picked by method and URI template (as the API model's
/// "http" trait gives them, e.g. GET /2015-03-31/functions/{FunctionName}). Errors leave in
/// restJson1's shape (x-amzn-ErrorType header).
/// </summary>
public sealed class RestJsonRouter
{
    private readonly List<Route> _routes = [];

    public RestJsonRouter Add(string method, string template, Func<ServiceRequest, IReadOnlyDictionary<string, string>, CancellationToken, Task<ServiceResponse>> handler)
    {
        _routes.Add(new Route(method, template.Trim('/').Split('/'), handler));
        return this;
    }

    public async Task<ServiceResponse> DispatchAsync(ServiceRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var segments = request.Path.Trim('/').Split('/');
            var pathMatched = false;
            foreach (var route in _routes)
            {
                if (!route.TryMatch(segments, out var values))
                {
                    continue;
                }
                pathMatched = true;
                if (string.Equals(route.Method, request.Method, StringComparison.OrdinalIgnoreCase))
                {
                    return await route.Handler(request, values, cancellationToken).ConfigureAwait(false);
                }
            }
            throw pathMatched
                ? new AwsServiceException("UnknownOperationException", $"Method {request.Method} is not allowed on {request.Path}.", 405)
                : new AwsServiceException("UnknownOperationException", $"No operation matches {request.Method} {request.Path}.", 404);
        }
        catch (AwsServiceException e)
        {
            return AwsErrors.RestJson(e);
        }
    }

    private sealed record Route(string Method, string[] Template, Func<ServiceRequest, IReadOnlyDictionary<string, string>, CancellationToken, Task<ServiceResponse>> Handler)
    {
        public bool TryMatch(string[] segments, out IReadOnlyDictionary<string, string> values)
        {
            var found = new Dictionary<string, string>(StringComparer.Ordinal);
            values = found;
            // A greedy label ({Name+}) takes the rest of the path, as Smithy's http trait allows.
            var greedy = Template.Length > 0 && Template[^1].EndsWith("+}", StringComparison.Ordinal);
            if (greedy ? segments.Length < Template.Length : segments.Length != Template.Length)
            {
                return false;
            }
            for (var i = 0; i < Template.Length; i++)
            {
                var part = Template[i];
                if (part.StartsWith('{') && part.EndsWith('}'))
                {
                    var name = part[1..^1].TrimEnd('+');
                    var value = greedy && i == Template.Length - 1 ? string.Join('/', segments[i..]) : segments[i];
                    found[name] = Uri.UnescapeDataString(value);
                }
                else if (!string.Equals(part, segments[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
