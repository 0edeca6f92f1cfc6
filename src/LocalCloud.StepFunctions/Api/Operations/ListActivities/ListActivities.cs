using LocalCloud.Core;
using LocalCloud.StepFunctions.Api.Shapes;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>The account's activities in the request's region, oldest first, paged as ListStateMachines is (maxResults default 100, opaque nextToken).</summary>
public sealed class ListActivities(StepFunctionsBackend backend)
{
    public Task<ListActivitiesResponse> HandleAsync(ListActivitiesRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var size = Validate.PageSize(request.MaxResults);
        Validate.MaxLength(request.NextToken, "nextToken", 1024);
        var all = backend.Engine.Activities.List(context.AccountId, context.Region);
        var scope = $"ListActivities|{context.AccountId}|{context.Region}";
        var offset = PageToken.Offset(scope, request.NextToken);
        var page = all.Skip(offset).Take(size).Select(a => new ActivityListItem(a.Arn, a.Name, a.CreationDate)).ToList();
        return Task.FromResult(new ListActivitiesResponse(page, PageToken.Next(scope, offset + page.Count, all.Count)));
    }
}
