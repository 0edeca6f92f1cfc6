using LocalCloud.Core;
using LocalCloud.StepFunctions.Api;
using LocalCloud.StepFunctions.Api.Shapes;
using LocalCloud.StepFunctions.Engine;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>Newest first, optionally filtered by status, paged by an opaque nextToken.</summary>
public sealed class ListExecutions(StepFunctionsBackend backend)
{
    private static readonly HashSet<string> Statuses = new(StringComparer.Ordinal)
    {
        ExecutionStatus.Running, ExecutionStatus.Succeeded, ExecutionStatus.Failed, ExecutionStatus.TimedOut, ExecutionStatus.Aborted, "PENDING_REDRIVE",
    };

    public Task<ListExecutionsResponse> HandleAsync(ListExecutionsRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        if (request.StatusFilter is { } filter && !Statuses.Contains(filter))
        {
            throw StepFunctionsErrors.Validation($"'{filter}'", "statusFilter", "Member must satisfy enum value set: [RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE]");
        }
        var (arn, executions) = ListExecutionsSource.Select(backend, request);
        var size = Validate.PageSize(request.MaxResults);
        var all = executions.Where(e => ListExecutionsSource.Redriven(request.RedriveFilter, e)).Select(e => (Execution: e, Snapshot: e.Snapshot()))
            .Where(x => request.StatusFilter is null || x.Snapshot.Status == request.StatusFilter).ToList();
        var scope = $"ListExecutions|{arn}|{request.StatusFilter}|{request.RedriveFilter}";
        var offset = PageToken.Offset(scope, request.NextToken);
        var page = all.Skip(offset).Take(size)
            .Select(x => new ExecutionListItem(x.Snapshot.ExecutionArn, x.Snapshot.StateMachineArn, x.Snapshot.Name, x.Snapshot.Status, x.Snapshot.StartDate,
                x.Snapshot.StopDate, x.Execution.RedriveCount, x.Execution.RedriveDate, x.Execution.MapRunArn, x.Execution.ItemCount,
                backend.PublishedVersions.ExecutionOf(x.Execution.Arn)?.VersionArn, backend.PublishedVersions.ExecutionOf(x.Execution.Arn)?.AliasArn)).ToList();
        return Task.FromResult(new ListExecutionsResponse(page, PageToken.Next(scope, offset + page.Count, all.Count)));
    }
}
