using LocalCloud.Core;
using LocalCloud.Scheduler.Api;

namespace LocalCloud.Scheduler.Api.Operations;

/// <summary>GET /schedules/{Name}?groupName=</summary>
internal sealed class GetSchedule(SchedulerBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> route, CancellationToken cancellationToken)
    {
        var name = RequestReader.Name("name", route["Name"]);
        var group = RequestReader.GroupOrDefault("groupName", RequestReader.Query(request, "groupName"));
        var schedule = state.Store.Get(request.Context.AccountId, request.Context.Region, group, name);
        return Task.FromResult(SchedulerBackend.Ok(GetScheduleOutput.From(schedule)));
    }
}
