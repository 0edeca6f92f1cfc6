using LocalCloud.Core;
using LocalCloud.Scheduler.Wire;

namespace LocalCloud.Scheduler.Operations;

/// <summary>GET /schedules/{Name}?groupName=</summary>
internal sealed class GetSchedule(SchedulerState state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> route, CancellationToken cancellationToken)
    {
        var name = RequestReader.Name("name", route["Name"]);
        var group = RequestReader.GroupOrDefault("groupName", RequestReader.Query(request, "groupName"));
        var schedule = state.Store.Get(request.Context.AccountId, request.Context.Region, group, name);
        return Task.FromResult(SchedulerState.Ok(GetScheduleOutput.From(schedule)));
    }
}
