using LocalCloud.Core;
using LocalCloud.StepFunctions.Api;
using LocalCloud.StepFunctions.Api.Shapes;

namespace LocalCloud.StepFunctions.Api.Operations;

public sealed class ListStateMachines(StepFunctionsBackend backend)
{
    public Task<ListStateMachinesResponse> HandleAsync(ListStateMachinesRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var size = Validate.PageSize(request.MaxResults);
        var all = backend.Machines.List(context.AccountId, context.Region);
        var scope = $"ListStateMachines|{context.AccountId}|{context.Region}";
        var offset = PageToken.Offset(scope, request.NextToken);
        var page = all.Skip(offset).Take(size).Select(m => new StateMachineListItem(m.Arn, m.Name, m.Type, m.CreationDate)).ToList();
        return Task.FromResult(new ListStateMachinesResponse(page, PageToken.Next(scope, offset + page.Count, all.Count)));
    }
}
