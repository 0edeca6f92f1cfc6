using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.StepFunctions.Api;

namespace LocalCloud.StepFunctions.Api.Operations;

public sealed class DescribeExecution(StepFunctionsBackend backend)
{
    public Task<DescribeExecutionResponse> HandleAsync(DescribeExecutionRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        // A Map Run's Express children are the only Express executions AWS describes (API_DescribeExecution.html).
        var execution = MapRunChild(request.ExecutionArn) ?? backend.RequireExecution(SfnArn.RequireExecution(request.ExecutionArn));
        var s = execution.Snapshot();
        var qualifier = backend.PublishedVersions.ExecutionOf(execution.Arn);
        var notRedrivable = execution.NotRedrivableReason(backend.Engine.Time.GetUtcNow());
        return Task.FromResult(new DescribeExecutionResponse(s.ExecutionArn, s.StateMachineArn, s.Name, s.Status, s.StartDate, s.StopDate,
            s.Input, new JsonObject { ["included"] = true }, s.Output, s.Output is null ? null : new JsonObject { ["included"] = true },
            s.Error, s.Cause, execution.RedriveCount, execution.RedriveDate,
            notRedrivable is null ? Engine.Redrive.RedriveRules.Redrivable : Engine.Redrive.RedriveRules.NotRedrivable, notRedrivable, execution.MapRunArn,
            StateMachineVersionArn: qualifier?.VersionArn, StateMachineAliasArn: qualifier?.AliasArn));
    }

    private Engine.Execution? MapRunChild(string? arn)
        => arn is not null && arn.Contains(":express:", StringComparison.Ordinal) && backend.Executions.Find(arn) is { MapRunArn: not null } child ? child : null;
}
