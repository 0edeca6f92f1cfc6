using System.Globalization;
using System.Text;
using LocalCloud.Core;
using LocalCloud.Lambda;
using LocalCloud.Lambda.Api;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>
/// GET /2015-03-31/functions?Marker=&amp;MaxItems= (https://docs.aws.amazon.com/lambda/latest/api/API_ListFunctions.html).
/// Pages hold at most 50 functions, as on AWS; the marker is the last name returned, encoded.
/// </summary>
internal sealed class ListFunctions(LambdaBackend state)
{
    private const int PageLimit = 50;

    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var maxItems = PageLimit;
        if (request.Query.TryGetValue("MaxItems", out var max))
        {
            if (!int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out maxItems) || maxItems < 1 || maxItems > 10_000)
            {
                throw LambdaErrors.Validation("maxItems", max, "Member must have value between 1 and 10000");
            }
            maxItems = Math.Min(maxItems, PageLimit);
        }
        var after = request.Query.TryGetValue("Marker", out var marker) && marker.Length > 0 ? DecodeMarker(marker) : null;
        var all = state.Store.List(request.Context.AccountId, request.Context.Region);
        var remaining = after is null ? all : all.Where(f => string.CompareOrdinal(f.FunctionName, after) > 0).ToList();
        var page = remaining.Take(maxItems).ToList();
        var next = remaining.Count > page.Count ? EncodeMarker(page[^1].FunctionName) : null;
        var response = new ListFunctionsResponse(page.Select(f => ConfigurationMapper.ToConfiguration(f)).ToList(), next);
        return Task.FromResult(LambdaJson.Write(200, response));
    }

    private static string EncodeMarker(string name) => Convert.ToBase64String(Encoding.UTF8.GetBytes("lc1:" + name));

    private static string DecodeMarker(string marker)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(marker));
            if (text.StartsWith("lc1:", StringComparison.Ordinal))
            {
                return text[4..];
            }
        }
        catch (FormatException)
        {
        }
        throw LambdaErrors.InvalidParameter("Invalid Marker: use the NextMarker of a previous ListFunctions response.");
    }
}
