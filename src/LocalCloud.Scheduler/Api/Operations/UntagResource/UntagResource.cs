using LocalCloud.Core;
using LocalCloud.Scheduler.Api;
using LocalCloud.Scheduler.Api.Shapes;

namespace LocalCloud.Scheduler.Api.Operations;

/// <summary>
/// DELETE /tags/{ResourceArn}?TagKeys=a&amp;TagKeys=b: removes those keys from a schedule group's tags. The
/// host joins a repeated query parameter with commas, so the keys are split on them.
/// </summary>
internal sealed class UntagResource(SchedulerBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> route, CancellationToken cancellationToken)
    {
        var name = TaggedGroup.GroupName(request, route["ResourceArn"]);
        var keys = (RequestReader.Query(request, "TagKeys") ?? throw SchedulerErrors.Missing("tagKeys")).Split(',').ToHashSet(StringComparer.Ordinal);
        state.Store.ChangeGroupTags(request.Context.AccountId, request.Context.Region, name, existing => [.. (existing ?? []).Where(t => !keys.Contains(t.Key))]);
        return Task.FromResult(SchedulerBackend.Ok(new EmptyOutput()));
    }
}
