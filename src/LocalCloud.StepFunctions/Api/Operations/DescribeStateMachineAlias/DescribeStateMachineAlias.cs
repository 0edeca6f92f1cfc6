using LocalCloud.Core;
using LocalCloud.StepFunctions.Api.Shapes;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>An alias's description and routing; an unknown alias is ResourceNotFound (API_DescribeStateMachineAlias.html).</summary>
public sealed class DescribeStateMachineAlias(StepFunctionsBackend backend)
{
    public Task<DescribeStateMachineAliasResponse> HandleAsync(DescribeStateMachineAliasRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        Validate.MaxLength(request.StateMachineAliasArn, "stateMachineAliasArn", Engine.StepFunctionsLimits.MaxArnLength);
        var arn = QualifiedArn.RequireAlias(request.StateMachineAliasArn, "stateMachineAliasArn");
        var alias = backend.PublishedVersions.FindAlias(arn.Arn) ?? throw StepFunctionsErrors.ResourceDoesNotExist();
        return Task.FromResult(new DescribeStateMachineAliasResponse(alias.Arn, alias.Name, alias.Description,
            [.. alias.Routing.Select(r => new RoutingConfigurationListItem(r.VersionArn, r.Weight))], alias.CreationDate, alias.UpdateDate));
    }
}
