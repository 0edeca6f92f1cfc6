using LocalCloud.Core;
using LocalCloud.Scheduler.Wire;

namespace LocalCloud.Scheduler.Operations;

/// <summary>POST /schedule-groups/{Name}</summary>
internal sealed class CreateScheduleGroup(SchedulerState state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> route, CancellationToken cancellationToken)
    {
        var name = RequestReader.Name("name", route["Name"]);
        _ = RequestReader.Body<CreateScheduleGroupInput>(request);
        var group = state.Store.AddGroup(request.Context.AccountId, request.Context.Region, name);
        return Task.FromResult(SchedulerState.Ok(new CreateScheduleGroupOutput(group.Arn)));
    }
}
