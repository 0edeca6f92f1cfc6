using System.Text;
using LocalCloud.Core;

namespace LocalCloud.Benchmarks;

/// <summary>awsJson requests as the HTTP host hands them to a service.</summary>
internal static class AwsJsonRequests
{
    private static readonly RequestContext Context = new("000000000000", "us-east-1", "bench");
    private static readonly Dictionary<string, string> NoQuery = [];

    public static ServiceRequest Create(string target, string body)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-Amz-Target"] = target,
            ["Content-Type"] = "application/x-amz-json-1.0",
        };
        return new ServiceRequest("POST", "/", NoQuery, headers, Encoding.UTF8.GetBytes(body), Context);
    }
}
