using System.Globalization;
using Aws.Clients.Runtime;
using Aws.Clients.Serialization;

namespace Aws.Clients.Scheduler;

/// <summary>
/// Amazon EventBridge Scheduler over restJson1 (paths under /schedules), signed as "scheduler".
/// Works against AWS, LocalCloud and LocalStack; see docs/aws-clients.md.
/// </summary>
public sealed class SchedulerClient
{
    private readonly AwsHttpPipeline pipeline;
    private readonly RestJsonProtocol protocol;

    /// <summary>Creates a client; unset settings are resolved from the environment.</summary>
    public SchedulerClient(AwsClientConfig? config = null)
    {
        pipeline = new AwsHttpPipeline(AwsServiceDescriptor.Scheduler, config);
        protocol = new RestJsonProtocol(pipeline, AwsJson.PascalCase);
    }

    /// <summary>The resolved region.</summary>
    public string Region => pipeline.Region;

    /// <summary>The resolved endpoint.</summary>
    public Uri Endpoint => pipeline.Endpoint;

    /// <summary>Creates a schedule (POST /schedules/{Name}).</summary>
    public async Task<CreateScheduleResponse> CreateScheduleAsync(CreateScheduleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The model marks ClientToken idempotencyToken: generated once per call, so retries of this call stay idempotent.
        var body = request with { ClientToken = request.ClientToken ?? NewClientToken() };
        var response = await protocol.SendAsync(HttpMethod.Post, SchedulePath(request.Name), null, body, cancellationToken).ConfigureAwait(false);
        return protocol.Read<CreateScheduleResponse>(response);
    }

    /// <summary>Gets a schedule (GET /schedules/{Name}?groupName=).</summary>
    public async Task<GetScheduleResponse> GetScheduleAsync(GetScheduleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await protocol.SendAsync(
            HttpMethod.Get, SchedulePath(request.Name), [new("groupName", request.GroupName)], null, cancellationToken).ConfigureAwait(false);
        return protocol.Read<GetScheduleResponse>(response);
    }

    /// <summary>Replaces a schedule (PUT /schedules/{Name}); unset optional members return to their defaults, as in AWS.</summary>
    public async Task<UpdateScheduleResponse> UpdateScheduleAsync(UpdateScheduleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request with { ClientToken = request.ClientToken ?? NewClientToken() };
        var response = await protocol.SendAsync(HttpMethod.Put, SchedulePath(request.Name), null, body, cancellationToken).ConfigureAwait(false);
        return protocol.Read<UpdateScheduleResponse>(response);
    }

    /// <summary>Deletes a schedule (DELETE /schedules/{Name}?groupName=&amp;clientToken=).</summary>
    public async Task<DeleteScheduleResponse> DeleteScheduleAsync(DeleteScheduleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new KeyValuePair<string, string?>[]
        {
            new("clientToken", request.ClientToken ?? NewClientToken()),
            new("groupName", request.GroupName),
        };
        var response = await protocol.SendAsync(HttpMethod.Delete, SchedulePath(request.Name), query, null, cancellationToken).ConfigureAwait(false);
        return protocol.Read<DeleteScheduleResponse>(response);
    }

    /// <summary>Lists schedules, one page (GET /schedules).</summary>
    public async Task<ListSchedulesResponse> ListSchedulesAsync(ListSchedulesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new KeyValuePair<string, string?>[]
        {
            new("MaxResults", request.MaxResults?.ToString(CultureInfo.InvariantCulture)),
            new("NamePrefix", request.NamePrefix),
            new("NextToken", request.NextToken),
            new("ScheduleGroup", request.GroupName),
            new("State", request.State),
        };
        var response = await protocol.SendAsync(HttpMethod.Get, "/schedules", query, null, cancellationToken).ConfigureAwait(false);
        return protocol.Read<ListSchedulesResponse>(response);
    }

    private static string SchedulePath(string name) => "/schedules/" + RestJsonProtocol.Label(name);

    private static string NewClientToken() => Guid.NewGuid().ToString();
}
