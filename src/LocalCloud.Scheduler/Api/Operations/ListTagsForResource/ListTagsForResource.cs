using LocalCloud.Core;
using LocalCloud.Scheduler.Api;

namespace LocalCloud.Scheduler.Api.Operations;

/// <summary>GET /tags/{ResourceArn}: a schedule group's tags.</summary>
internal sealed class ListTagsForResource(SchedulerBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> route, CancellationToken cancellationToken)
    {
        var name = TaggedGroup.GroupName(request, route["ResourceArn"]);
        var group = state.Store.GetGroup(request.Context.AccountId, request.Context.Region, name);
        return Task.FromResult(SchedulerBackend.Ok(new ListTagsForResourceOutput(group.Tags ?? [])));
    }
}
