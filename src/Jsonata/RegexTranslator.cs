using System.Text;
using System.Text.RegularExpressions;

namespace Jsonata;

/// <summary>
/// JSONata regex literals are JavaScript regexes; .NET's ECMAScript mode is the closest match (ASCII \d \w \s,
/// JS backreference rules). Constructs that mode rejects fall back to .NET's own dialect. Every regex has a match
/// timeout so a catastrophic pattern ends with an error instead of a hang.
/// </summary>
internal static class RegexTranslator
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    public static Regex Compile(string pattern, string flags, int position)
    {
        var options = RegexOptions.CultureInvariant;
        if (flags.Contains('i', StringComparison.Ordinal))
        {
            options |= RegexOptions.IgnoreCase;
        }

        if (flags.Contains('m', StringComparison.Ordinal))
        {
            options |= RegexOptions.Multiline;
        }

        var translated = Translate(pattern);
        try
        {
            return new Regex(translated, options | RegexOptions.ECMAScript, MatchTimeout);
        }
        catch (ArgumentException)
        {
            try
            {
                return new Regex(translated, options, MatchTimeout);
            }
            catch (ArgumentException e)
            {
                throw new JsonataException("S0303", $"Invalid regular expression: {e.Message}", position, pattern);
            }
        }
    }

    private static string Translate(string pattern)
    {
        // JS allows '[^]' (any character) and '[]' (nothing), which .NET does not parse.
        var sb = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                sb.Append(c).Append(pattern[++i]);
                continue;
            }

            if (c == '[' && string.CompareOrdinal(pattern, i, "[^]", 0, 3) == 0)
            {
                sb.Append(@"[\s\S]");
                i += 2;
                continue;
            }

            if (c == '[' && string.CompareOrdinal(pattern, i, "[]", 0, 2) == 0)
            {
                sb.Append("(?!)");
                i += 1;
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
