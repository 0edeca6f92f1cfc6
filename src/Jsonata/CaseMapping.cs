using System.Text;

namespace Jsonata;

/// <summary>
/// JavaScript's toUpperCase/toLowerCase use Unicode's full case mapping (SpecialCasing.txt): "ß" upper-cases to "SS",
/// "İ" lower-cases to "i̇", a final capital sigma lower-cases to "ς". .NET's invariant casing is the simple
/// one-to-one mapping, so the unconditional multi-character mappings and final sigma are applied here.
/// </summary>
internal static class CaseMapping
{
    private static readonly Dictionary<char, string> Upper = new()
    {
        ['ß'] = "SS", ['ŉ'] = "ʼN", ['ǰ'] = "J̌", ['ΐ'] = "Ϊ́", ['ΰ'] = "Ϋ́", ['և'] = "ԵՒ", ['ẖ'] = "H̱", ['ẗ'] = "T̈",
        ['ẘ'] = "W̊", ['ẙ'] = "Y̊", ['ẚ'] = "Aʾ", ['ﬀ'] = "FF", ['ﬁ'] = "FI", ['ﬂ'] = "FL", ['ﬃ'] = "FFI", ['ﬄ'] = "FFL",
        ['ﬅ'] = "ST", ['ﬆ'] = "ST", ['ﬓ'] = "ՄՆ", ['ﬔ'] = "ՄԵ", ['ﬕ'] = "ՄԻ", ['ﬖ'] = "ՎՆ", ['ﬗ'] = "ՄԽ",
    };

    public static string ToUpper(string s)
    {
        var simple = s.ToUpperInvariant();
        if (!s.Any(Upper.ContainsKey))
        {
            return simple;
        }

        var sb = new StringBuilder(s.Length + 4);
        for (var i = 0; i < s.Length; i++)
        {
            if (Upper.TryGetValue(s[i], out var mapped))
            {
                sb.Append(mapped);
            }
            else
            {
                sb.Append(simple[i]);
            }
        }

        return sb.ToString();
    }

    public static string ToLower(string s)
    {
        if (!s.Contains('İ', StringComparison.Ordinal) && !s.Contains('Σ', StringComparison.Ordinal))
        {
            return s.ToLowerInvariant();
        }

        var simple = s.ToLowerInvariant();
        var sb = new StringBuilder(s.Length + 2);
        for (var i = 0; i < s.Length; i++)
        {
            switch (s[i])
            {
                case 'İ':
                    sb.Append("i\u0307");
                    break;
                case 'Σ' when IsFinalSigma(s, i):
                    sb.Append('ς');
                    break;
                default:
                    sb.Append(simple[i]);
                    break;
            }
        }

        return sb.ToString();
    }

    // Final_Sigma: preceded by a cased letter and not followed by one (case-ignorable characters skipped).
    private static bool IsFinalSigma(string s, int i)
    {
        var before = i - 1;
        while (before >= 0 && IsCaseIgnorable(s[before]))
        {
            before--;
        }

        if (before < 0 || !char.IsLetter(s[before]))
        {
            return false;
        }

        var after = i + 1;
        while (after < s.Length && IsCaseIgnorable(s[after]))
        {
            after++;
        }

        return after >= s.Length || !char.IsLetter(s[after]);
    }

    private static bool IsCaseIgnorable(char c) =>
        c is '\'' or '.' or ':' or '^' or '`' or '\u00AD' or '\u2019' || char.GetUnicodeCategory(c) is
            System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.EnclosingMark
            or System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.ModifierLetter
            or System.Globalization.UnicodeCategory.ModifierSymbol;
}
