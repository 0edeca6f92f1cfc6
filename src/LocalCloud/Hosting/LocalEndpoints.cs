using System.Text.Json;
using LocalCloud.Core;
using LocalCloud.Core.Usage;
using Microsoft.AspNetCore.Http;

namespace LocalCloud.Hosting;

/// <summary>LocalCloud's own routes under /_localcloud: health and the billing units counted so far.</summary>
internal sealed class LocalEndpoints(IReadOnlyList<IServiceEndpoint> services, UsageMeter usage, double scheduleTimeScale)
{
    public const string HealthPath = "/_localcloud/health";
    public const string UsagePath = "/_localcloud/usage";

    public async Task<bool> TryHandleAsync(HttpContext http, string path)
    {
        object? body = path switch
        {
            HealthPath => new
            {
                status = "running",
                // Clients (poc) need it to know how often rate() schedules really fire here.
                scheduleTimeScale,
                services = services.ToDictionary(s => s.Name, s => s.State, StringComparer.Ordinal),
            },
            UsagePath when HttpMethods.IsDelete(http.Request.Method) => Reset(),
            UsagePath => new
            {
                records = usage.Snapshot().Select(r => new { service = r.Service, metric = r.Metric, resource = r.Resource, amount = r.Amount }),
            },
            _ => null,
        };
        if (body is null)
        {
            return false;
        }
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(JsonSerializer.Serialize(body, HttpBridge.JsonOptions), http.RequestAborted).ConfigureAwait(false);
        return true;
    }

    private object Reset()
    {
        usage.Reset();
        return new { reset = true };
    }
}
