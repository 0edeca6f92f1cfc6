using LocalCloud.Core;
using LocalCloud.StepFunctions.Api.Shapes;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// The machine's versions, newest first, paged. The model lists no StateMachineDoesNotExist for this operation, so a
/// machine without versions (or none at all) answers an empty list, as Terraform's provider expects on every refresh
/// (https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListStateMachineVersions.html).
/// </summary>
public sealed class ListStateMachineVersions(StepFunctionsBackend backend)
{
    public Task<ListStateMachineVersionsResponse> HandleAsync(ListStateMachineVersionsRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var arn = QualifiedArn.Require(request.StateMachineArn);
        if (arn.Qualifier is not null)
        {
            throw StepFunctionsErrors.InvalidArn(arn.Arn);
        }
        var size = Validate.PageSize(request.MaxResults);
        var all = backend.PublishedVersions.Versions(arn.MachineArn);
        var scope = $"ListStateMachineVersions|{arn.MachineArn}";
        var offset = PageToken.Offset(scope, request.NextToken);
        var page = all.Skip(offset).Take(size).Select(v => new StateMachineVersionListItem(v.Arn, v.CreationDate)).ToList();
        return Task.FromResult(new ListStateMachineVersionsResponse(page, PageToken.Next(scope, offset + page.Count, all.Count)));
    }
}
