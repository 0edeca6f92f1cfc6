using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JobOrchestration.Functions.Common;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace JobOrchestration.Functions.Jobs;

/// <summary>
/// The job API as a REST service (docs/functions.md, "The HTTP job API"): POST jobs (with an Idempotency-Key, so a retried
/// create names the same job), GET jobs/{jobId}, POST jobs/status-batch. Every call goes through one resilience
/// pipeline — a total timeout, retries with exponential backoff on transient failures, a circuit breaker, a per-attempt
/// timeout — and whatever still fails surfaces as <see cref="JobApiFailed"/>, the error the workflows already handle.
/// </summary>
public sealed class HttpJobApi : IJobApi, IDisposable
{
    private readonly HttpClient http;

    public HttpJobApi(HttpJobApiOptions options, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new ResilienceHandler(Pipeline(options)) { InnerHandler = transport ?? new SocketsHttpHandler() };
        // The pipeline owns timing: HttpClient's own 100 s timeout would only hide its answers.
        http = new HttpClient(handler) { BaseAddress = options.BaseUrl, Timeout = Timeout.InfiniteTimeSpan };
        if (options.ApiKey is { } key)
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
        }
    }

    /// <summary>Builds the pipeline: outermost the total timeout, then retry, then the breaker, innermost one attempt's timeout.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Pipeline(HttpJobApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.Time }
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.TotalTimeout })
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                // POST is retried too: the Idempotency-Key makes a repeated create name the same job.
                ShouldHandle = options.MaxRetries == 0 ? _ => PredicateResult.False() : new HttpRetryStrategyOptions().ShouldHandle,
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakDuration,
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout })
            .Build();
    }

    public Task<CreatedJob> CreateJobAsync(JobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.ToJson();
        body.Remove("action");
        body.Remove("clientToken");
        return SendAsync("CREATE_JOB", () =>
        {
            var message = new HttpRequestMessage(HttpMethod.Post, "jobs") { Content = Json(body) };
            if (request.ClientToken is { } token)
            {
                message.Headers.Add("Idempotency-Key", token);
            }
            return message;
        }, CreatedJob.FromJson, cancellationToken);
    }

    public Task<JobStatusReport> CheckStatusAsync(string jobId, CancellationToken cancellationToken) =>
        SendAsync("CHECK_STATUS", () => new HttpRequestMessage(HttpMethod.Get, "jobs/" + Uri.EscapeDataString(jobId)), JobStatusReport.FromJson, cancellationToken);

    public Task<JobStatusBatch> CheckStatusesAsync(IReadOnlyList<string> jobIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobIds);
        var body = new JsonObject { ["jobIds"] = new JsonArray([.. jobIds.Select(id => (JsonNode)id)]) };
        return SendAsync("CHECK_STATUS_BATCH", () => new HttpRequestMessage(HttpMethod.Post, "jobs/status-batch") { Content = Json(body) }, JobStatusBatch.FromJson, cancellationToken);
    }

    public void Dispose() => http.Dispose();

    private async Task<T> SendAsync<T>(string action, Func<HttpRequestMessage> request, Func<JsonObject, T> parse, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            using var message = request();
            response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            throw new JobApiFailed($"The job API's circuit is open after repeated failures; {action} was not sent.", ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new JobApiFailed($"The job API did not answer {action} in time.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new JobApiFailed($"The job API could not be reached for {action}: {ex.Message}", ex);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new JobApiFailed(response.StatusCode == HttpStatusCode.NotFound
                    ? $"The job API answered {action} with 404: {text}"
                    : $"The job API answered {action} with {(int)response.StatusCode} after retries: {text}");
            }

            try
            {
                var json = JsonNode.Parse(text) as JsonObject
                    ?? throw new JobApiFailed($"The job API answered {action} with something other than a JSON object.");
                return parse(json);
            }
            catch (JsonException ex)
            {
                throw new JobApiFailed($"The job API answered {action} with invalid JSON: {ex.Message}", ex);
            }
            catch (InvalidPayload ex)
            {
                throw new JobApiFailed($"The job API answered {action} with an unexpected shape: {ex.Message}", ex);
            }
        }
    }

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}
