using System.Text;

namespace LocalCloud.Scheduler.Api.Operations;

/// <summary>NextToken/MaxResults over a list in a stable order: the token is the key of the last item returned.</summary>
internal static class Paging
{
    public const int DefaultMaxResults = 100;

    public static (List<T> Page, string? NextToken) Page<T>(IReadOnlyList<T> items, Func<T, string> key, string? nextToken, int? maxResults)
    {
        var start = 0;
        if (nextToken is not null)
        {
            var after = Decode(nextToken);
            start = items.Count(i => string.CompareOrdinal(key(i), after) <= 0);
        }
        var size = maxResults ?? DefaultMaxResults;
        var page = items.Skip(start).Take(size).ToList();
        var more = start + page.Count < items.Count;
        return (page, more ? Convert.ToBase64String(Encoding.UTF8.GetBytes(key(page[^1]))) : null);
    }

    private static string Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw SchedulerErrors.Validation("The NextToken is not valid.");
        }
    }
}
