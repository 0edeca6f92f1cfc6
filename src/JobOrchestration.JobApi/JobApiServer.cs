using System.Text.Json;
using System.Text.Json.Nodes;
using JobOrchestration.Functions.Common;
using JobOrchestration.Functions.SimulatedApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JobOrchestration.JobApi;

/// <summary>
/// The simulated job API over HTTP: POST /jobs (Idempotency-Key names the job), GET /jobs/{jobId}, POST
/// /jobs/status-batch — the same rules as the poc-simulated-api Lambda (<see cref="SimulatedJobApi"/>), the same
/// storage — plus POST /_faults to make the next requests slow, dropped or 503.
/// </summary>
public sealed class JobApiServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private readonly string? apiKey;

    private JobApiServer(WebApplication app, Uri baseUrl, JobApiFaults faults, string? apiKey)
    {
        this.app = app;
        this.apiKey = apiKey;
        BaseUrl = baseUrl;
        Faults = faults;
    }

    public Uri BaseUrl { get; }

    public JobApiFaults Faults { get; }

    /// <param name="repository">Where jobs live (poc-jobs in DynamoDB when run for poc; in memory in tests).</param>
    /// <param name="port">0 picks a free port.</param>
    /// <param name="apiKey">When set, requests without X-Api-Key equal to it get 401.</param>
    public static async Task<JobApiServer> StartAsync(IJobRepository repository, int port = 0, string? apiKey = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var api = new SimulatedJobApi(repository, time ?? TimeProvider.System);
        var faults = new JobApiFaults();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();

        app.MapPost("/_faults", async (HttpContext context) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject ?? [];
            if (!Enum.TryParse<JobApiFaultMode>((string?)body["mode"], ignoreCase: true, out var mode))
            {
                return Results.BadRequest(new { error = "mode must be None, Slow, Down or ServerError" });
            }
            var target = JobApiFaultTarget.NextRequests;
            if (body["target"] is { } named && !Enum.TryParse((string?)named, ignoreCase: true, out target))
            {
                return Results.BadRequest(new { error = "target must be NextRequests or FirstAttemptOfCreates" });
            }
            faults.Set(mode, (int?)body["count"] ?? 1, body["delayMs"] is { } delay ? TimeSpan.FromMilliseconds((int)delay) : null, target);
            return Results.NoContent();
        });

        var jobs = app.MapGroup("/jobs");
        jobs.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var fault = faults.Take(CreateKey(http.Request));
            if (apiKey is not null && http.Request.Headers["X-Api-Key"] != apiKey)
            {
                return Results.Json(new { error = "missing or wrong X-Api-Key" }, statusCode: StatusCodes.Status401Unauthorized);
            }
            switch (fault)
            {
                case JobApiFaultMode.Slow:
                    await Task.Delay(faults.SlowDelay, time ?? TimeProvider.System, http.RequestAborted);
                    break;
                case JobApiFaultMode.Down:
                    // No answer at all, as from a process that died mid-request.
                    http.Abort();
                    return Results.Empty;
                case JobApiFaultMode.ServerError:
                    return Results.Json(new { error = "simulated outage" }, statusCode: StatusCodes.Status503ServiceUnavailable);
                default:
                    break;
            }
            try
            {
                return await next(context);
            }
            catch (UnknownJob ex)
            {
                return Results.Json(new { error = ex.Message }, statusCode: StatusCodes.Status404NotFound);
            }
            catch (Exception ex) when (ex is InvalidPayload or UnknownAction or JsonException)
            {
                return Results.Json(new { error = ex.Message }, statusCode: StatusCodes.Status400BadRequest);
            }
        });
        jobs.MapPost("/", async (HttpContext context) =>
        {
            var request = await ReadObjectAsync(context);
            request["action"] = "CREATE_JOB";
            if (context.Request.Headers["Idempotency-Key"] is [{ Length: > 0 } key])
            {
                request["clientToken"] = key;
            }
            return Results.Json(await api.HandleAsync(request, context.RequestAborted));
        });
        jobs.MapGet("/{jobId}", async (string jobId, HttpContext context) =>
            Results.Json(await api.HandleAsync(new JsonObject { ["action"] = "CHECK_STATUS", ["jobId"] = jobId }, context.RequestAborted)));
        jobs.MapPost("/status-batch", async (HttpContext context) =>
        {
            var request = await ReadObjectAsync(context);
            request["action"] = "CHECK_STATUS_BATCH";
            return Results.Json(await api.HandleAsync(request, context.RequestAborted));
        });

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new JobApiServer(app, new Uri(address.TrimEnd('/') + "/"), faults, apiKey);
    }

    /// <summary>
    /// Sends one request down each route's code path (an unknown job read and checked, a create too malformed to
    /// store), so the first real callers do not wait for it to be compiled: on a busy machine that wait alone outlasts a
    /// client's 3 s attempt timeout. Changes no job; counted in <see cref="JobApiFaults.Requests"/>; call it before
    /// setting faults.
    /// </summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient { BaseAddress = BaseUrl };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        using var read = await client.GetAsync(new Uri("jobs/poc-warm-up", UriKind.Relative), cancellationToken);
        using var check = await client.PostAsync(new Uri("jobs/status-batch", UriKind.Relative), JsonBody("""{"jobIds":["poc-warm-up"]}"""), cancellationToken);
        using var create = await client.PostAsync(new Uri("jobs", UriKind.Relative), JsonBody("{}"), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    // POST /jobs is the create; its Idempotency-Key names the job, so it is what tells a retry from a new create.
    private static string? CreateKey(HttpRequest request)
        => HttpMethods.IsPost(request.Method)
           && request.Path.Value?.TrimEnd('/') == "/jobs"
           && request.Headers["Idempotency-Key"] is [{ Length: > 0 } key]
            ? key
            : null;

    private static StringContent JsonBody(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static async Task<JsonObject> ReadObjectAsync(HttpContext context)
        => await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject
           ?? throw new InvalidPayload("The body must be a JSON object.");
}
