using LocalCloud.Core;
using LocalCloud.Scheduler.Wire;

namespace LocalCloud.Scheduler.Operations;

/// <summary>GET /tags/{ResourceArn}: a schedule group's tags.</summary>
internal sealed class ListTagsForResource(SchedulerState state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> route, CancellationToken cancellationToken)
    {
        var name = TaggedGroup.GroupName(request, route["ResourceArn"]);
        var group = state.Store.GetGroup(request.Context.AccountId, request.Context.Region, name);
        return Task.FromResult(SchedulerState.Ok(new ListTagsForResourceOutput(group.Tags ?? [])));
    }
}
