using System.Net.Sockets;
using System.Text.Json;
using Poc.Cli.Cli;

namespace Poc.Cli.Endpoints;

/// <summary>Finds out what answers at an endpoint, and fails clearly when nothing does.</summary>
public static class EndpointProbe
{
    /// <summary>LocalCloud's health route (docs/localcloud-endpoints.md).</summary>
    public const string HealthPath = "/_localcloud/health";

    /// <summary>What the endpoint is, and LocalCloud's schedule time scale when its health reports one.</summary>
    public static async Task<(EndpointKind Kind, double? ScheduleTimeScale)> ProbeAsync(Uri endpoint, HttpClient http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(http);
        if (endpoint.Host.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase))
        {
            return (EndpointKind.Aws, null);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(new Uri(endpoint, HealthPath), timeout.Token);
        }
        catch (HttpRequestException e)
        {
            throw new PocException(Messages.EndpointUnreachable(endpoint, e.InnerException is SocketException s ? s.Message : e.Message), e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new PocException(Messages.EndpointUnreachable(endpoint, "no answer within 10 s"), e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                return (EndpointKind.OtherEmulator, null);
            }

            try
            {
                using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("services", out _))
                {
                    return (EndpointKind.OtherEmulator, null);
                }

                double? scale = root.TryGetProperty("scheduleTimeScale", out var s) && s.ValueKind == JsonValueKind.Number && s.GetDouble() > 0
                    ? s.GetDouble()
                    : null;
                return (EndpointKind.LocalCloud, scale);
            }
            catch (JsonException)
            {
                return (EndpointKind.OtherEmulator, null);
            }
        }
    }
}
