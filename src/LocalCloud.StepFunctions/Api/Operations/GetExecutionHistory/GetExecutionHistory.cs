using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.StepFunctions.Api;
using LocalCloud.StepFunctions.Engine;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>Pages of history events; includeExecutionData false drops inputs and outputs but keeps the rest.</summary>
public sealed class GetExecutionHistory(StepFunctionsBackend backend)
{
    private static readonly string[] DataFields = ["input", "output"];

    public Task<GetExecutionHistoryResponse> HandleAsync(GetExecutionHistoryRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var arn = SfnArn.RequireExecution(request.ExecutionArn);
        var history = backend.RequireExecution(arn).Snapshot().History;
        var size = Validate.PageSize(request.MaxResults);
        var ordered = request.ReverseOrder == true ? history.Reverse().ToList() : history.ToList();
        var scope = $"GetExecutionHistory|{arn}|{request.ReverseOrder == true}";
        var offset = PageToken.Offset(scope, request.NextToken);
        var withData = request.IncludeExecutionData != false;
        var page = ordered.Skip(offset).Take(size).Select(e => ToWire(e, withData)).ToList();
        return Task.FromResult(new GetExecutionHistoryResponse(page, PageToken.Next(scope, offset + page.Count, ordered.Count)));
    }

    private static JsonObject ToWire(HistoryEvent e, bool withData)
    {
        var wire = new JsonObject
        {
            ["timestamp"] = e.Timestamp.ToUnixTimeMilliseconds() / 1000m,
            ["type"] = e.Type,
            ["id"] = e.Id,
            ["previousEventId"] = e.PreviousEventId,
        };
        if (e.DetailsMember is not null && e.CopyOfDetails() is { } details)
        {
            if (!withData)
            {
                foreach (var field in DataFields)
                {
                    details.Remove(field);
                }
            }
            wire[e.DetailsMember] = details;
        }
        return wire;
    }
}
