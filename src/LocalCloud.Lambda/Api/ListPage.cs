using System.Globalization;
using System.Text;
using LocalCloud.Lambda;

namespace LocalCloud.Lambda.Api;

/// <summary>
/// Marker/MaxItems paging of ListVersionsByFunction and ListAliases: MaxItems 1–10000 (the model's range), at most 50
/// per page as ListFunctions; the marker is the last key returned, encoded.
/// </summary>
internal static class ListPage
{
    private const int PageLimit = 50;

    public static (IReadOnlyList<T> Page, string? NextMarker) Of<T>(IReadOnlyList<T> all, Func<T, string> key, IReadOnlyDictionary<string, string> query)
    {
        var maxItems = PageLimit;
        if (query.TryGetValue("MaxItems", out var max))
        {
            if (!int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out maxItems) || maxItems < 1 || maxItems > 10_000)
            {
                throw LambdaErrors.Validation("maxItems", max, "Member must have value between 1 and 10000");
            }
            maxItems = Math.Min(maxItems, PageLimit);
        }
        var start = 0;
        if (query.TryGetValue("Marker", out var marker) && marker.Length > 0)
        {
            var after = Decode(marker);
            start = all.Select((item, i) => (item, i)).FirstOrDefault(p => key(p.item) == after, (default!, -1)).Item2 + 1;
            if (start == 0)
            {
                throw LambdaErrors.InvalidParameter("Invalid Marker: use the NextMarker of a previous response.");
            }
        }
        var page = all.Skip(start).Take(maxItems).ToList();
        var next = start + page.Count < all.Count ? Encode(key(page[^1])) : null;
        return (page, next);
    }

    private static string Encode(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes("lc1:" + key));

    private static string Decode(string marker)
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
        throw LambdaErrors.InvalidParameter("Invalid Marker: use the NextMarker of a previous response.");
    }
}
