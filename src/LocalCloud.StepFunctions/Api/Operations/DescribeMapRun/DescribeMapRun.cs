using LocalCloud.Core;
using LocalCloud.StepFunctions.Api;
using LocalCloud.StepFunctions.Engine.MapRuns;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// A Map Run's settings, status and counts (https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeMapRun.html).
/// resultsWritten is 0 (there is no ResultWriter without S3); a redrive of the parent redrives the run (redriveCount,
/// redriveDate), and nothing waits in pendingRedrive: the redrive starts the unsuccessful children at once.
/// </summary>
public sealed class DescribeMapRun(StepFunctionsBackend backend)
{
    public Task<DescribeMapRunResponse> HandleAsync(DescribeMapRunRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var arn = MapRunArns.Require(request.MapRunArn);
        var run = (backend.Engine.MapRuns.Find(arn) ?? throw StepFunctionsErrors.ResourceNotFound(arn)).View();
        var ended = run.Status != MapRun.Running;
        return Task.FromResult(new DescribeMapRunResponse(run.Arn, run.ExecutionArn, run.Status, run.StartDate, run.StopDate, run.MaxConcurrency,
            run.ToleratedFailurePercentage, run.ToleratedFailureCount,
            Items(run.Items, ended), Executions(run.Counts, ended), run.RedriveCount, run.RedriveDate));
    }

    private static MapRunItemCounts Items(MapRunCounts c, bool ended)
        => new(c.Pending, c.Running, c.Succeeded, c.Failed, c.TimedOut, c.Aborted, c.Total, 0, ended ? c.Failed + c.TimedOut + c.Aborted : 0, 0);

    private static MapRunExecutionCounts Executions(MapRunCounts c, bool ended)
        => new(c.Pending, c.Running, c.Succeeded, c.Failed, c.TimedOut, c.Aborted, c.Total, 0, ended ? c.Failed + c.TimedOut + c.Aborted : 0, 0);
}
