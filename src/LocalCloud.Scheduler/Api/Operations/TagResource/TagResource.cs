using LocalCloud.Core;
using LocalCloud.Scheduler.Api;
using LocalCloud.Scheduler.Api.Shapes;

namespace LocalCloud.Scheduler.Api.Operations;

/// <summary>POST /tags/{ResourceArn}: adds tags to a schedule group, replacing the values of keys it already has.</summary>
internal sealed class TagResource(SchedulerBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> route, CancellationToken cancellationToken)
    {
        var name = TaggedGroup.GroupName(request, route["ResourceArn"]);
        var tags = TaggedGroup.Validate(RequestReader.Body<TagResourceInput>(request).Tags, required: true);
        state.Store.ChangeGroupTags(request.Context.AccountId, request.Context.Region, name, existing => TaggedGroup.Merge(existing, tags));
        return Task.FromResult(SchedulerBackend.Ok(new EmptyOutput()));
    }
}
