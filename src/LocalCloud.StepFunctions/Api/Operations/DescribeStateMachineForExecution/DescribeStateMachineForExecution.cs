using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.StepFunctions.Api;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>The definition an execution runs, as it was when the execution started (later updates do not show).</summary>
public sealed class DescribeStateMachineForExecution(StepFunctionsBackend backend)
{
    public Task<DescribeStateMachineForExecutionResponse> HandleAsync(DescribeStateMachineForExecutionRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var execution = backend.RequireExecution(SfnArn.RequireExecution(request.ExecutionArn));
        if (request.IncludedData is not (null or "ALL_DATA" or "METADATA_ONLY"))
        {
            throw StepFunctionsErrors.Validation($"'{request.IncludedData}'", "includedData", "Member must satisfy enum value set: [ALL_DATA, METADATA_ONLY]");
        }
        var machine = execution.Machine;
        return Task.FromResult(new DescribeStateMachineForExecutionResponse(machine.Arn, machine.Name, machine.DefinitionText, machine.RoleArn,
            machine.UpdateDate, new JsonObject { ["level"] = "OFF", ["includeExecutionData"] = false }, new JsonObject { ["enabled"] = false },
            machine.RevisionId));
    }
}
