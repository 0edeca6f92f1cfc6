using System.Text;
using Aws.Clients;
using Aws.SigV4;

namespace LocalCloud.HostileInput.Tests.Security;

/// <summary>Builds requests signed (or deliberately mis-signed) with our SigV4 signer.</summary>
public static class SignedRequests
{
    public static HttpRequestMessage DynamoDb(Uri baseUrl, string operation, string body = "{}")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, baseUrl) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.0");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDB_20120810." + operation);
        return request;
    }

    public static async Task<HttpRequestMessage> SignAsync(HttpRequestMessage request, AwsCredentials credentials, string service, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync();
        new SigV4Signer().SignHttpRequest(request, body, credentials.ToSigV4(), "us-east-1", service, at ?? DateTimeOffset.UtcNow);
        return request;
    }
}
