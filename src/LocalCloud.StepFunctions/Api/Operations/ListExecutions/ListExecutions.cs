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
        var arn = SfnArn.RequireStateMachine(request.StateMachineArn);
        backend.RequireMachine(arn);
        if (request.StatusFilter is { } filter && !Statuses.Contains(filter))
        {
            throw StepFunctionsErrors.Validation($"'{filter}'", "statusFilter", "Member must satisfy enum value set: [RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE]");
        }
        var size = Validate.PageSize(request.MaxResults);
        var all = backend.Executions.ForStateMachine(arn).Select(e => e.Snapshot())
            .Where(s => request.StatusFilter is null || s.Status == request.StatusFilter).ToList();
        var scope = $"ListExecutions|{arn}|{request.StatusFilter}";
        var offset = PageToken.Offset(scope, request.NextToken);
        var page = all.Skip(offset).Take(size)
            .Select(s => new ExecutionListItem(s.ExecutionArn, s.StateMachineArn, s.Name, s.Status, s.StartDate, s.StopDate, 0)).ToList();
        return Task.FromResult(new ListExecutionsResponse(page, PageToken.Next(scope, offset + page.Count, all.Count)));
    }
}
