using LocalCloud.Core;
using LocalCloud.StepFunctions.Api.Shapes;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// The machine's aliases, paged; an empty list for a machine with none (Terraform's provider asks on every refresh).
/// Given a version ARN, the aliases that route to that version (API_ListStateMachineAliases.html); an unknown machine
/// is StateMachineDoesNotExist, an unknown version ResourceNotFound.
/// </summary>
public sealed class ListStateMachineAliases(StepFunctionsBackend backend)
{
    public Task<ListStateMachineAliasesResponse> HandleAsync(ListStateMachineAliasesRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var arn = QualifiedArn.Require(request.StateMachineArn);
        if (arn.IsAlias)
        {
            throw StepFunctionsErrors.InvalidArn(arn.Arn);
        }
        var size = Validate.PageSize(request.MaxResults);
        backend.RequireMachine(arn.MachineArn);
        var all = arn.IsVersion
            ? (backend.PublishedVersions.FindVersion(arn.Arn) is null ? throw StepFunctionsErrors.ResourceDoesNotExist() : backend.PublishedVersions.AliasesRoutingTo(arn.Arn))
            : backend.PublishedVersions.Aliases(arn.MachineArn);
        var scope = $"ListStateMachineAliases|{arn.Arn}";
        var offset = PageToken.Offset(scope, request.NextToken);
        var page = all.Skip(offset).Take(size).Select(a => new StateMachineAliasListItem(a.Arn, a.CreationDate)).ToList();
        return Task.FromResult(new ListStateMachineAliasesResponse(page, PageToken.Next(scope, offset + page.Count, all.Count)));
    }
}
