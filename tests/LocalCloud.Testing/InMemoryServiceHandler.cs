using System.Net.Http.Headers;
using LocalCloud.Core;

namespace LocalCloud.Testing;

/// <summary>
/// An HttpMessageHandler that hands each request straight to a service endpoint, so a real AWS client
/// (AWSSDK.DynamoDBv2, Aws.Clients) can be tested against a service core without Kestrel or a port.
/// </summary>
public sealed class InMemoryServiceHandler(IServiceEndpoint endpoint, string accountId = RequestContext.DefaultAccountId, string region = RequestContext.DefaultRegion) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = string.Join(",", values);
        }
        if (request.Content is not null)
        {
            foreach (var (name, values) in request.Content.Headers)
            {
                headers[name] = string.Join(",", values);
            }
        }
        var uri = request.RequestUri ?? throw new InvalidOperationException("Request has no URI.");
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        var queryMap = query.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => query[k] ?? string.Empty, StringComparer.Ordinal);
        var serviceRequest = new ServiceRequest(request.Method.Method, uri.AbsolutePath, queryMap, headers, body, new RequestContext(accountId, region, Guid.NewGuid().ToString()));

        var response = await endpoint.HandleAsync(serviceRequest, cancellationToken);

        var message = new HttpResponseMessage((System.Net.HttpStatusCode)response.Status)
        {
            Content = new ByteArrayContent(response.Body.ToArray()),
            RequestMessage = request,
        };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(response.ContentType);
        message.Headers.TryAddWithoutValidation("x-amzn-RequestId", serviceRequest.Context.RequestId);
        foreach (var (name, value) in response.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        return message;
    }
}
