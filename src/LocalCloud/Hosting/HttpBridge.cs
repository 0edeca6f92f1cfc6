using System.Text.Json;
using LocalCloud.Core;
using LocalCloud.Core.Protocols;
using LocalCloud.WebConsole;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace LocalCloud.Hosting;

/// <summary>
/// The only place HTTP meets the services: turns an ASP.NET request into a <see cref="ServiceRequest"/>,
/// routes it, and copies the <see cref="ServiceResponse"/> back. Every failure leaves in AWS's shape.
/// </summary>
internal sealed partial class HttpBridge(ServiceRouter router, LocalEndpoints local, SigV4Authenticator? authenticator, long maxBodyBytes, ILogger<HttpBridge> logger, ConsoleEndpoints? console = null)
{
    public async Task HandleAsync(HttpContext http)
    {
        var requestId = Guid.NewGuid().ToString();
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        var path = http.Request.Path.Value ?? "/";
        var target = http.Request.Headers["X-Amz-Target"].ToString();
        if (console is not null && ConsoleEndpoints.Owns(path))
        {
            // A browser cannot sign SigV4: the console checks its own credentials (ConsoleAccess).
            await console.HandleAsync(http).ConfigureAwait(false);
            return;
        }

        if (CrossSiteGuard.Refuse(http.Request) is { } crossSite)
        {
            LogRefused(logger, http.Request.Method, path, "AccessDeniedException");
            await WriteAsync(http, HostError(new AwsServiceException("AccessDeniedException", crossSite, StatusCodes.Status403Forbidden), target)).ConfigureAwait(false);
            return;
        }

        if (HasDotSegment(http))
        {
            // Kestrel resolves "." and ".." before routing, so DELETE …/aliases/.. would reach DeleteFunction. AWS's
            // answer is not documented; refusing is the only answer that cannot act on a resource the caller did not name.
            LogRefused(logger, http.Request.Method, path, "ValidationException");
            await WriteAsync(http, HostError(new AwsServiceException("ValidationException",
                "The request path contains a \".\" or \"..\" segment; LocalCloud does not resolve them, so no resource is addressed.", 400), target)).ConfigureAwait(false);
            return;
        }

        // The body is read (within the size limit) before anything else, because a SigV4 signature covers it.
        ReadOnlyMemory<byte> body;
        try
        {
            body = await ReadBodyAsync(http).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            await WriteAsync(http, HostError(e, target)).ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        if (authenticator is not null && !SigV4Authenticator.IsExempt(path) && authenticator.Verify(http.Request, body) is { } refused)
        {
            LogRefused(logger, http.Request.Method, path, refused.ErrorCode);
            // awsJson services answer 400, restJson ones (Lambda, Scheduler, behind API Gateway) 403.
            var status = string.IsNullOrEmpty(target) ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
            await WriteAsync(http, HostError(new AwsServiceException(refused.ErrorCode, refused.Message, status), target)).ConfigureAwait(false);
            return;
        }

        if (await local.TryHandleAsync(http, path).ConfigureAwait(false))
        {
            return;
        }

        var (account, region, signingService) = CallerIdentity.From(http.Request.Headers.Authorization.ToString(), http.Request.Query["X-Amz-Credential"].ToString());
        var endpoint = router.Route(path, target, signingService);
        ServiceResponse response;
        if (endpoint is null)
        {
            response = HostError(new AwsServiceException("UnknownOperationException",
                string.IsNullOrEmpty(target) ? $"No LocalCloud service serves {http.Request.Method} {path}." : $"Unknown operation {target}.", 400), target);
        }
        else
        {
            response = await InvokeAsync(http, endpoint, path, body, new RequestContext(account, region, requestId)).ConfigureAwait(false);
        }
        await WriteAsync(http, response).ConfigureAwait(false);
    }

    /// <summary>Whether the path as the client sent it (before Kestrel's normalisation) has a "." or ".." segment, also as %2E.</summary>
    private static bool HasDotSegment(HttpContext http)
    {
        // Spans, not string.Split: every request passes here.
        var raw = (http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? string.Empty).AsSpan();
        var end = raw.IndexOf('?');
        if (end >= 0)
        {
            raw = raw[..end];
        }
        foreach (var range in raw.Split('/'))
        {
            if (IsDotSegment(raw[range]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether a segment is "." or ".." once each "%2e" (any case) reads as ".".</summary>
    private static bool IsDotSegment(ReadOnlySpan<char> segment)
    {
        var dots = 0;
        for (var i = 0; i < segment.Length; dots++)
        {
            if (segment[i] == '.')
            {
                i++;
            }
            else if (segment[i..].StartsWith("%2e", StringComparison.OrdinalIgnoreCase))
            {
                i += 3;
            }
            else
            {
                return false;
            }
        }
        return dots is 1 or 2;
    }

    /// <summary>An error raised by the host itself, in the protocol the request spoke: awsJson when it named a target.</summary>
    private static ServiceResponse HostError(AwsServiceException error, string target)
        => string.IsNullOrEmpty(target) ? AwsErrors.RestJson(error) : AwsErrors.AwsJson(error, string.Empty);

    private async Task<ServiceResponse> InvokeAsync(HttpContext http, IServiceEndpoint endpoint, string path, ReadOnlyMemory<byte> body, RequestContext context)
    {
        try
        {
            var request = new ServiceRequest(http.Request.Method, path, Query(http), Headers(http), body, context);
            LogRequest(logger, endpoint.Name, request.Method, path, request.Header("X-Amz-Target") ?? string.Empty);
            return await endpoint.HandleAsync(request, http.RequestAborted).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            // Thrown before the service's own protocol layer could shape it.
            return endpoint.TargetPrefixes.Count > 0 ? AwsErrors.AwsJson(e, string.Empty) : AwsErrors.RestJson(e);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return ServiceResponse.Empty(499);
        }
#pragma warning disable CA1031 // The boundary: a bug in a service must still answer in AWS's shape, not drop the connection.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogServiceFault(logger, endpoint.Name, path, e);
            var error = new AwsServiceException("InternalFailure", $"LocalCloud failed to handle the request: {e.GetType().Name}: {e.Message}", 500);
            return endpoint.TargetPrefixes.Count > 0 ? AwsErrors.AwsJson(error, string.Empty) : AwsErrors.RestJson(error);
        }
    }

    private async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpContext http)
    {
        if (http.Request.ContentLength > maxBodyBytes)
        {
            throw new AwsServiceException("RequestEntityTooLargeException", $"Request body of {http.Request.ContentLength} bytes exceeds the {maxBodyBytes}-byte limit.", 413);
        }
        try
        {
            if (http.Request.ContentLength is { } length)
            {
                // The usual case (every SDK sends Content-Length): one array of the body's size, not a growing stream copied at the end.
                var body = new byte[length];
                var read = 0;
                int n;
                while (read < body.Length && (n = await http.Request.Body.ReadAsync(body.AsMemory(read), http.RequestAborted).ConfigureAwait(false)) > 0)
                {
                    read += n;
                }
                return body.AsMemory(0, read);
            }
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
            return buffer.ToArray();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new AwsServiceException("RequestEntityTooLargeException", $"Request body exceeds the {maxBodyBytes}-byte limit.", 413);
        }
    }

    private static readonly Dictionary<string, string> NoQuery = new(StringComparer.Ordinal);

    // awsJson requests have no query string: no dictionary for them. Services only read it (IReadOnlyDictionary).
    private static Dictionary<string, string> Query(HttpContext http)
        => http.Request.QueryString.HasValue ? http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal) : NoQuery;

    private static Dictionary<string, string> Headers(HttpContext http)
    {
        var headers = new Dictionary<string, string>(http.Request.Headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in http.Request.Headers)
        {
            headers[name] = values.ToString();
        }
        return headers;
    }

    private static async Task WriteAsync(HttpContext http, ServiceResponse response)
    {
        http.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            http.Response.Headers[name] = value;
        }
        if (response.Body.Length > 0 || response.Status != StatusCodes.Status204NoContent)
        {
            http.Response.ContentType = response.ContentType;
            http.Response.ContentLength = response.Body.Length;
            await http.Response.Body.WriteAsync(response.Body, http.RequestAborted).ConfigureAwait(false);
        }
    }

    internal static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Service} {Method} {Path} {Target}")]
    private static partial void LogRequest(ILogger logger, string service, string method, string path, string target);

    // Names the code only: never the Authorization header, the signature or a session token.
    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path}: {Code}")]
    private static partial void LogRefused(ILogger logger, string method, string path, string code);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Service} failed on {Path}")]
    private static partial void LogServiceFault(ILogger logger, string service, string path, Exception exception);
}
