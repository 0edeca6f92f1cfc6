using System.Text;
using System.Text.RegularExpressions;

namespace LocalCloud.StepFunctions.Asl.Choice;

/// <summary>
/// StringMatches: '*' matches any run of characters; "\*" is a literal star and "\\" a literal
/// backslash (https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html).
/// </summary>
public static class StringMatcher
{
    public static Regex Compile(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else if (c == '*')
            {
                regex.Append(".*");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }
        return new Regex(regex.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
