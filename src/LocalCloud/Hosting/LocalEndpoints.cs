using System.Globalization;
using System.Text.Json;
using LocalCloud.Core;
using LocalCloud.Core.Usage;
using LocalCloud.Lambda;
using Microsoft.AspNetCore.Http;

namespace LocalCloud.Hosting;

/// <summary>
/// LocalCloud's own routes under /_localcloud: health, the billing units counted so far, and the recent Lambda
/// invocations. Their JSON shapes are a contract with poc (docs/localcloud-endpoints.md); add members, never rename.
/// </summary>
internal sealed class LocalEndpoints(IReadOnlyList<IServiceEndpoint> services, UsageMeter usage, double scheduleTimeScale)
{
    public const string HealthPath = "/_localcloud/health";
    public const string UsagePath = "/_localcloud/usage";
    public const string LambdaInvocationsPath = "/_localcloud/lambda/invocations";

    /// <summary>How many invocations the Lambda service keeps; a larger ?limit= gets these.</summary>
    public const int MaxInvocations = 500;

    private const int DefaultInvocations = 100;

    private readonly LambdaService? lambda = services.OfType<LambdaService>().FirstOrDefault();

    public async Task<bool> TryHandleAsync(HttpContext http, string path)
    {
        (int Status, object? Body) result = path switch
        {
            HealthPath => (200, new
            {
                status = "running",
                // Clients (poc) need it to know how often rate() schedules really fire here.
                scheduleTimeScale,
                services = services.ToDictionary(s => s.Name, s => s.State, StringComparer.Ordinal),
            }),
            UsagePath when HttpMethods.IsDelete(http.Request.Method) => (200, Reset()),
            UsagePath => (200, new
            {
                records = usage.Snapshot().Select(r => new { service = r.Service, metric = r.Metric, resource = r.Resource, amount = r.Amount }),
            }),
            LambdaInvocationsPath => Invocations(http.Request.Query["limit"]),
            _ => (0, null),
        };
        if (result.Body is not { } body)
        {
            return false;
        }
        http.Response.StatusCode = result.Status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(JsonSerializer.Serialize(body, HttpBridge.JsonOptions), http.RequestAborted).ConfigureAwait(false);
        return true;
    }

    private object Reset()
    {
        usage.Reset();
        return new { reset = true };
    }

    private (int Status, object Body) Invocations(string? limit)
    {
        var max = DefaultInvocations;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max < 1))
        {
            return (400, new { message = $"limit must be a whole number from 1 to {MaxInvocations}; got '{limit}'." });
        }
        // Newest first, as the Lambda service keeps them. Times at full clock precision (the AWS wire would round them).
        var recent = lambda?.RecentInvocations(Math.Min(max, MaxInvocations)) ?? [];
        return (200, new
        {
            invocations = recent.Select(r => new
            {
                functionName = r.FunctionName,
                requestId = r.RequestId,
                invocationType = r.InvocationType,
                start = r.Start.ToString("O", CultureInfo.InvariantCulture),
                durationMs = r.Duration.TotalMilliseconds,
                billedDurationMs = r.BilledDurationMs,
                initDurationMs = r.InitDuration?.TotalMilliseconds,
                errorType = r.ErrorType,
                workerId = r.WorkerId,
            }),
        });
    }
}
