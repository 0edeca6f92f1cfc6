using System.Net.Http.Headers;
using Aws.Clients.Configuration;
using Aws.SigV4;

namespace Aws.Clients.Runtime;

/// <summary>Sends protocol requests: resolves endpoint, signs each attempt afresh, times out, retries, maps errors.</summary>
internal sealed class AwsHttpPipeline
{
    // One process-wide client for the default case, as HttpClient guidance recommends (socket reuse, DNS refresh).
    private static readonly HttpClient SharedHttpClient = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    private readonly AwsServiceDescriptor service;
    private readonly HttpClient http;
    private readonly Func<CancellationToken, Task<AwsCredentials>> credentials;
    private readonly TimeProvider time;
    private readonly Func<TimeSpan, CancellationToken, Task> delay;
    private readonly TimeSpan timeout;
    private readonly int maxRetries;
    private readonly TimeSpan retryBaseDelay;
    private readonly TimeSpan maxRetryDelay;
    private readonly SigV4Signer signer = new();

    public AwsHttpPipeline(AwsServiceDescriptor service, AwsClientConfig? config)
    {
        config ??= new AwsClientConfig();
        if (config.MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(config), config.MaxRetries, "MaxRetries must be 0 or more.");
        }

        if (config.Timeout <= TimeSpan.Zero && config.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(config), config.Timeout, "Timeout must be positive or infinite.");
        }

        this.service = service;
        var environment = config.EnvironmentVariables ?? Environment.GetEnvironmentVariable;
        Region = AwsRegionResolver.Resolve(config.Region, environment);
        Endpoint = AwsEndpointResolver.Resolve(service.ServiceId, service.EndpointPrefix, Region, config.ServiceUrl, environment);
        credentials = AwsCredentialsResolver.Resolve(config.Credentials, environment);
        http = config.HttpClient ?? (config.HttpMessageHandler is { } handler
            ? new HttpClient(handler, disposeHandler: false) { Timeout = System.Threading.Timeout.InfiniteTimeSpan }
            : SharedHttpClient);
        time = config.TimeProvider ?? TimeProvider.System;
        delay = config.RetryDelay ?? ((d, ct) => Task.Delay(d, time, ct));
        timeout = config.Timeout;
        maxRetries = config.MaxRetries;
        retryBaseDelay = config.RetryBaseDelay;
        maxRetryDelay = config.MaxRetryDelay;
    }

    public string Region { get; }

    public Uri Endpoint { get; }

    public async Task<AwsHttpResponse> SendAsync(AwsHttpRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Exception failure;
            try
            {
                return await SendOnceAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsApiException ex) when (AwsRetryPolicy.IsRetryable(ex))
            {
                failure = ex;
            }
            catch (AwsApiException)
            {
                throw;
            }
            catch (HttpRequestException ex)
            {
                failure = ex;
            }
            catch (IOException ex)
            {
                failure = ex;
            }
            catch (TimeoutException ex)
            {
                failure = ex;
            }

            if (attempt >= maxRetries)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
            }

            await delay(AwsRetryPolicy.Backoff(attempt, retryBaseDelay, maxRetryDelay, Random.Shared.NextDouble()), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AwsHttpResponse> SendOnceAsync(AwsHttpRequest request, CancellationToken cancellationToken)
    {
        var currentCredentials = await credentials(cancellationToken).ConfigureAwait(false);
        using var message = BuildMessage(request);
        signer.SignHttpRequest(message, request.Body, currentCredentials.ToSigV4(), Region, service.SigningName, time.GetUtcNow());

        using var timeoutSource = timeout == System.Threading.Timeout.InfiniteTimeSpan
            ? new CancellationTokenSource()
            : new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            var headers = CollectHeaders(response);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                return new AwsHttpResponse(status, headers, body);
            }

            throw AwsErrorParser.Parse(status, response.ReasonPhrase, headers, body);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && timeoutSource.IsCancellationRequested)
        {
            throw new TimeoutException($"{service.ServiceId} request to {Endpoint} timed out after {timeout.TotalSeconds:0.###} s.", ex);
        }
    }

    private HttpRequestMessage BuildMessage(AwsHttpRequest request)
    {
        var basePath = Endpoint.AbsolutePath.TrimEnd('/');
        var query = string.Join('&', request.Query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value)));
        // Built as a string: UriBuilder.Path would re-escape the '%' of already-encoded path labels.
        var uri = new Uri(Endpoint.GetLeftPart(UriPartial.Authority) + basePath + request.Path + (query.Length > 0 ? "?" + query : string.Empty));
        var message = new HttpRequestMessage(request.Method, uri);
        if (request.ContentType is not null || request.Body.Length > 0)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
            }
        }

        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    private static Dictionary<string, string> CollectHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
        {
            headers[name] = string.Join(',', values);
        }

        return headers;
    }
}
