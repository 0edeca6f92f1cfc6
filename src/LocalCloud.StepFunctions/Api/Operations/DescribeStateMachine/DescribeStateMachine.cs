using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.StepFunctions.Api;

namespace LocalCloud.StepFunctions.Api.Operations;

public sealed class DescribeStateMachine(StepFunctionsBackend backend)
{
    public Task<DescribeStateMachineResponse> HandleAsync(DescribeStateMachineRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var m = backend.RequireMachine(SfnArn.RequireStateMachine(request.StateMachineArn));
        return Task.FromResult(new DescribeStateMachineResponse(m.Arn, m.Name, "ACTIVE", m.Definition, m.RoleArn, m.Type, m.CreationDate,
            new JsonObject { ["level"] = "OFF", ["includeExecutionData"] = false },
            new JsonObject { ["enabled"] = false },
            m.RevisionId));
    }
}
