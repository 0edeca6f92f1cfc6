namespace Aws.Clients.Configuration;

/// <summary>
/// Where requests go: explicit ServiceUrl, else AWS_ENDPOINT_URL_&lt;SERVICE_ID&gt;, else AWS_ENDPOINT_URL, else AWS's
/// regional endpoint. Source: https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
/// </summary>
public static class AwsEndpointResolver
{
    /// <summary>Resolves the endpoint of a service.</summary>
    /// <param name="serviceId">The SDK service id from the model's metadata, e.g. <c>SFN</c>, <c>Lambda</c>, <c>Scheduler</c>.</param>
    /// <param name="endpointPrefix">The model's endpoint prefix, e.g. <c>states</c>.</param>
    /// <param name="region">The resolved region.</param>
    /// <param name="explicitServiceUrl">A ServiceUrl set in code; wins over everything.</param>
    /// <param name="environment">Environment lookup (default: the process environment).</param>
    public static Uri Resolve(string serviceId, string endpointPrefix, string region, string? explicitServiceUrl = null, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(serviceId);
        environment ??= Environment.GetEnvironmentVariable;
        if (!string.IsNullOrWhiteSpace(explicitServiceUrl))
        {
            return Parse(explicitServiceUrl, "ServiceUrl");
        }

        if (!IsTrue(environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")))
        {
            var serviceVariable = ServiceEndpointVariable(serviceId);
            var serviceSpecific = environment(serviceVariable);
            if (!string.IsNullOrWhiteSpace(serviceSpecific))
            {
                return Parse(serviceSpecific, serviceVariable);
            }

            var global = environment("AWS_ENDPOINT_URL");
            if (!string.IsNullOrWhiteSpace(global))
            {
                return Parse(global, "AWS_ENDPOINT_URL");
            }
        }

        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://{endpointPrefix}.{region}.{suffix}");
    }

    /// <summary>The variable name for a service id: uppercase, spaces and dashes to underscores (e.g. AWS_ENDPOINT_URL_SFN).</summary>
    public static string ServiceEndpointVariable(string serviceId)
    {
        ArgumentNullException.ThrowIfNull(serviceId);
        return "AWS_ENDPOINT_URL_" + serviceId.ToUpperInvariant().Replace(' ', '_').Replace('-', '_');
    }

    private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static Uri Parse(string value, string source)
    {
        if (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        throw new ArgumentException($"{source} '{value}' is not an absolute http(s) URL.");
    }
}
