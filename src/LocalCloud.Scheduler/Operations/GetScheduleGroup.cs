using LocalCloud.Core;
using LocalCloud.Scheduler.Wire;

namespace LocalCloud.Scheduler.Operations;

/// <summary>GET /schedule-groups/{Name}</summary>
internal sealed class GetScheduleGroup(SchedulerState state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> route, CancellationToken cancellationToken)
    {
        var name = RequestReader.Name("name", route["Name"]);
        var group = state.Store.GetGroup(request.Context.AccountId, request.Context.Region, name);
        return Task.FromResult(SchedulerState.Ok(ScheduleGroupSummary.From(group)));
    }
}
