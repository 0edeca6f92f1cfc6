using System.Text;

namespace Docs.Tests;

/// <summary>A command line as a reader would type it, found in the docs: which program, and its arguments.</summary>
/// <param name="Program">"poc" or "LocalCloud".</param>
/// <param name="Arguments">The arguments after the program (after `--` for `dotnet run`).</param>
/// <param name="IsSynopsis">True when it shows a form rather than a runnable line (placeholders, [optional] parts, …).</param>
internal sealed record CommandLine(string Program, IReadOnlyList<string> Arguments, bool IsSynopsis)
{
    /// <summary>The command in <paramref name="text"/>, or null when it runs neither poc nor LocalCloud.</summary>
    public static CommandLine? Find(string text)
    {
        var line = text.Trim();
        if (line.StartsWith("$ ", StringComparison.Ordinal))
        {
            line = line[2..];
        }

        var words = Split(line);
        if (words.Count == 0)
        {
            return null;
        }

        if (words[0] == "poc" && words.Count > 1)
        {
            return Make("poc", words.Skip(1));
        }

        if (words[0] == "dotnet" && words.Count > 2 && words[1] == "run" && words.IndexOf("--") is var separator and > 0)
        {
            var project = words.IndexOf("--project") is var p and >= 0 && p + 1 < words.Count ? words[p + 1].TrimEnd('/') : null;
            var program = project switch
            {
                "src/Poc.Cli" => "poc",
                "src/LocalCloud" => "LocalCloud",
                _ => null,
            };
            return program is null ? null : Make(program, words.Skip(separator + 1));
        }

        return null;
    }

    public override string ToString() => Program + " " + string.Join(' ', Arguments);

    private static CommandLine Make(string program, IEnumerable<string> arguments)
    {
        var args = arguments.ToList();
        var synopsis = args.Any(a => a.IndexOfAny(['<', '>', '[', ']', '…', '|', '$']) >= 0 || a.Contains("...", StringComparison.Ordinal) || a.All(char.IsUpper));
        return new CommandLine(program, args, synopsis);
    }

    // Shell words: quotes group, a comment or a pipe, redirection or command separator ends the command.
    private static List<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quote = '\0';
        var started = false;
        foreach (var c in line)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }

                continue;
            }

            if (c is '"' or '\'')
            {
                quote = c;
                started = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                Flush();
            }
            else if (c is '#' && !started)
            {
                break;
            }
            else if (c is ';' or '&' or '>' or '(' or ')' || (c == '|' && !started))
            {
                break;
            }
            else
            {
                word.Append(c);
                started = true;
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (started)
            {
                words.Add(word.ToString());
            }

            word.Clear();
            started = false;
        }
    }
}
