using LocalCloud.Core;
using LocalCloud.Scheduler.Api;
using LocalCloud.Scheduler.Api.Shapes;
using LocalCloud.Scheduler.Model;

namespace LocalCloud.Scheduler.Api.Operations;

/// <summary>GET /schedules?ScheduleGroup=&amp;NamePrefix=&amp;State=&amp;NextToken=&amp;MaxResults=</summary>
internal sealed class ListSchedules(SchedulerBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> route, CancellationToken cancellationToken)
    {
        var group = RequestReader.Query(request, "ScheduleGroup") is { } g ? RequestReader.Name("groupName", g) : null;
        var prefix = RequestReader.Query(request, "NamePrefix") is { } p ? RequestReader.Name("namePrefix", p) : null;
        var stateFilter = RequestReader.Query(request, "State");
        if (stateFilter is not null && stateFilter is not (ScheduleStates.Enabled or ScheduleStates.Disabled))
        {
            throw SchedulerErrors.Enum("state", stateFilter, ScheduleStates.Enabled, ScheduleStates.Disabled);
        }
        var maxResults = RequestReader.QueryInt(request, "MaxResults", 1, 100);
        var matching = state.Store.List(request.Context.AccountId, request.Context.Region, group)
            .Where(s => (prefix is null || s.Name.StartsWith(prefix, StringComparison.Ordinal)) && (stateFilter is null || s.State == stateFilter))
            .ToList();
        // \u0001 sorts below every name character, so the key orders exactly as (group, name) does.
        var (page, next) = Paging.Page(matching, s => $"{s.GroupName}\u0001{s.Name}", RequestReader.Query(request, "NextToken"), maxResults);
        return Task.FromResult(SchedulerBackend.Ok(new ListSchedulesOutput(next, [.. page.Select(ScheduleSummary.From)])));
    }
}
