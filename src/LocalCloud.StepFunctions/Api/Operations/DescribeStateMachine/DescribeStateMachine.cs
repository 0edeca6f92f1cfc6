using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.StepFunctions.Api;

namespace LocalCloud.StepFunctions.Api.Operations;

public sealed class DescribeStateMachine(StepFunctionsBackend backend)
{
    public Task<DescribeStateMachineResponse> HandleAsync(DescribeStateMachineRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var arn = QualifiedArn.Require(request.StateMachineArn);
        if (arn.Qualifier is not null)
        {
            return Task.FromResult(DescribeVersion.Of(backend, arn));
        }
        var m = backend.RequireMachine(arn.MachineArn);
        return Task.FromResult(new DescribeStateMachineResponse(m.Arn, m.Name, "ACTIVE", m.Definition, m.RoleArn, m.Type, m.CreationDate,
            new JsonObject { ["level"] = "OFF", ["includeExecutionData"] = false },
            new JsonObject { ["enabled"] = false },
            m.RevisionId));
    }
}
