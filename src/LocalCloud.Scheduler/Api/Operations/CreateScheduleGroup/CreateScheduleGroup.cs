using LocalCloud.Core;
using LocalCloud.Scheduler.Api;

namespace LocalCloud.Scheduler.Api.Operations;

/// <summary>POST /schedule-groups/{Name}</summary>
internal sealed class CreateScheduleGroup(SchedulerBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> route, CancellationToken cancellationToken)
    {
        var name = RequestReader.Name("name", route["Name"]);
        var tags = TaggedGroup.Validate(RequestReader.Body<CreateScheduleGroupInput>(request).Tags, required: false);
        var group = state.Store.AddGroup(request.Context.AccountId, request.Context.Region, name, tags);
        return Task.FromResult(SchedulerBackend.Ok(new CreateScheduleGroupOutput(group.Arn)));
    }
}
