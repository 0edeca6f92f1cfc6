using LocalCloud.Core;
using LocalCloud.StepFunctions.Api;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>The Map Runs an execution started, paged (https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListMapRuns.html).</summary>
public sealed class ListMapRuns(StepFunctionsBackend backend)
{
    public Task<ListMapRunsResponse> HandleAsync(ListMapRunsRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var arn = SfnArn.RequireExecution(request.ExecutionArn);
        backend.RequireExecution(arn);
        var size = Validate.PageSize(request.MaxResults);
        var all = backend.Engine.MapRuns.ForExecution(arn);
        var scope = $"ListMapRuns|{arn}";
        var offset = PageToken.Offset(scope, request.NextToken);
        var page = all.Skip(offset).Take(size).Select(r => r.View())
            .Select(v => new MapRunListItem(v.ExecutionArn, v.Arn, v.StateMachineArn, v.StartDate, v.StopDate)).ToList();
        return Task.FromResult(new ListMapRunsResponse(page, PageToken.Next(scope, offset + page.Count, all.Count)));
    }
}
