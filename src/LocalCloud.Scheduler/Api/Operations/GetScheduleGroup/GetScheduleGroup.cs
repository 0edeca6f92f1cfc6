using LocalCloud.Core;
using LocalCloud.Scheduler.Api;
using LocalCloud.Scheduler.Api.Shapes;

namespace LocalCloud.Scheduler.Api.Operations;

/// <summary>GET /schedule-groups/{Name}</summary>
internal sealed class GetScheduleGroup(SchedulerBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> route, CancellationToken cancellationToken)
    {
        var name = RequestReader.Name("name", route["Name"]);
        var group = state.Store.GetGroup(request.Context.AccountId, request.Context.Region, name);
        return Task.FromResult(SchedulerBackend.Ok(ScheduleGroupSummary.From(group)));
    }
}
