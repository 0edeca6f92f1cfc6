using System.Globalization;
using System.Text;

namespace LocalCloud.StepFunctions.Api;

/// <summary>An opaque nextToken: the offset of the next item, bound to the operation and resource it pages.</summary>
public static class PageToken
{
    public static string? Next(string scope, int offset, int total)
        => offset >= total ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes($"{scope}|{offset.ToString(CultureInfo.InvariantCulture)}"));

    public static int Offset(string scope, string? token)
    {
        if (token is null)
        {
            return 0;
        }
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var bar = text.LastIndexOf('|');
            if (bar > 0 && text[..bar] == scope && int.TryParse(text[(bar + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to InvalidToken, as AWS answers for a token it did not issue.
        }
        throw StepFunctionsErrors.InvalidToken("Invalid pagination token");
    }
}
