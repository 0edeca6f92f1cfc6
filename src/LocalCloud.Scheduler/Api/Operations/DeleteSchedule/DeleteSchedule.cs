using LocalCloud.Core;
using LocalCloud.Scheduler.Api;
using LocalCloud.Scheduler.Api.Shapes;

namespace LocalCloud.Scheduler.Api.Operations;

/// <summary>DELETE /schedules/{Name}?groupName=&amp;clientToken=</summary>
internal sealed class DeleteSchedule(SchedulerBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> route, CancellationToken cancellationToken)
    {
        var name = RequestReader.Name("name", route["Name"]);
        var group = RequestReader.GroupOrDefault("groupName", RequestReader.Query(request, "groupName"));
        var removed = state.Store.Remove(request.Context.AccountId, request.Context.Region, group, name);
        state.Runner.Cancel(removed.Arn);
        return Task.FromResult(SchedulerBackend.Ok(new EmptyOutput()));
    }
}
