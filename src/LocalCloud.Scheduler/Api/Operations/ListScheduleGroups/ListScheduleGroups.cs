using LocalCloud.Core;
using LocalCloud.Scheduler.Api;
using LocalCloud.Scheduler.Api.Shapes;

namespace LocalCloud.Scheduler.Api.Operations;

/// <summary>GET /schedule-groups?NamePrefix=&amp;NextToken=&amp;MaxResults=</summary>
internal sealed class ListScheduleGroups(SchedulerBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> route, CancellationToken cancellationToken)
    {
        var prefix = RequestReader.Query(request, "NamePrefix") is { } p ? RequestReader.Name("namePrefix", p) : null;
        var maxResults = RequestReader.QueryInt(request, "MaxResults", 1, 100);
        var matching = state.Store.ListGroups(request.Context.AccountId, request.Context.Region)
            .Where(g => prefix is null || g.Name.StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
        var (page, next) = Paging.Page(matching, g => g.Name, RequestReader.Query(request, "NextToken"), maxResults);
        return Task.FromResult(SchedulerBackend.Ok(new ListScheduleGroupsOutput(next, [.. page.Select(ScheduleGroupSummary.From)])));
    }
}
