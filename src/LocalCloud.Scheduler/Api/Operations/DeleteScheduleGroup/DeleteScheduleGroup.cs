using LocalCloud.Core;
using LocalCloud.Scheduler.Api;
using LocalCloud.Scheduler.Api.Shapes;

namespace LocalCloud.Scheduler.Api.Operations;

/// <summary>
/// DELETE /schedule-groups/{Name}. AWS deletes the group's schedules with it (asynchronously, the group
/// showing DELETING meanwhile); here both go at once.
/// </summary>
internal sealed class DeleteScheduleGroup(SchedulerBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> route, CancellationToken cancellationToken)
    {
        var name = RequestReader.Name("name", route["Name"]);
        foreach (var schedule in state.Store.RemoveGroup(request.Context.AccountId, request.Context.Region, name))
        {
            state.Runner.Cancel(schedule.Arn);
        }
        return Task.FromResult(SchedulerBackend.Ok(new EmptyOutput()));
    }
}
