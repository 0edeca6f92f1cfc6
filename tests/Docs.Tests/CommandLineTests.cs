using System.CommandLine;
using Poc.Cli.Cli;

namespace Docs.Tests;

/// <summary>
/// Every `poc …` and LocalCloud command line in README.md and docs/ parses with the real command-line definitions: an
/// option or value the program does not know fails here, naming the file and line. Lines that show a form
/// (placeholders such as URL or &lt;…&gt;, [optional] parts, …) are checked for their command and option names only.
/// </summary>
public sealed class CommandLineTests
{
    public static TheoryData<string> Files => [.. DocFiles.All];

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryCommandLine_ParsesWithTheRealDefinitions(string file)
    {
        var problems = new List<string>();
        foreach (var (line, command) in Commands(file))
        {
            var root = command.Program == "poc" ? Poc() : LocalCloud();
            var problem = command.IsSynopsis ? CheckNames(root, command) : CheckParse(root, command);
            if (problem is not null)
            {
                problems.Add($"{file}:{line}: `{command}`: {problem}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void TheDocsShowCommandLines_SoTheCheckAboveChecksSomething()
    {
        var all = DocFiles.All.SelectMany(Commands).Select(c => c.Command).ToList();

        Assert.Contains(all, c => c.Program == "poc" && !c.IsSynopsis && c.Arguments[0] == "demo");
        Assert.Contains(all, c => c.Program == "LocalCloud" && !c.IsSynopsis && c.Arguments.Contains("--port"));
        Assert.True(all.Count >= 30, $"only {all.Count} command lines found");
    }

    [Fact]
    public void AnUnknownOptionOrValue_IsCaught()
    {
        Assert.NotNull(CheckParse(Poc(), CommandLine.Find("poc run --scenario nonsense")!));
        Assert.NotNull(CheckParse(Poc(), CommandLine.Find("poc demo --no-such-option")!));
        Assert.NotNull(CheckParse(LocalCloud(), CommandLine.Find("dotnet run --project src/LocalCloud -- --prot 4566")!));
        Assert.NotNull(CheckNames(Poc(), CommandLine.Find("poc report [--no-such-option N]")!));
        Assert.Null(CheckParse(Poc(), CommandLine.Find("poc run --scenario success --workflow baseline")!));
    }

    private static IEnumerable<(int Line, CommandLine Command)> Commands(string file)
    {
        var pending = "";
        var start = 0;
        foreach (var (number, text, inCode) in DocFiles.Lines(file))
        {
            if (inCode)
            {
                // A trailing backslash continues the command on the next line, as in a shell.
                if (pending.Length == 0)
                {
                    start = number;
                }

                pending += text.TrimEnd().TrimEnd('\\') + " ";
                if (text.TrimEnd().EndsWith('\\'))
                {
                    continue;
                }

                // Box-drawing and the '·' separator mark a program's screen output, not a command typed.
                if (pending.IndexOfAny(['·', '│', '─']) < 0 && CommandLine.Find(pending) is { } command)
                {
                    yield return (start, command);
                }

                pending = "";
                continue;
            }

            pending = "";
            foreach (var span in DocFiles.InlineCode(text))
            {
                if (CommandLine.Find(span) is { } command)
                {
                    // Prose names a command (`poc run`) as often as it shows one: without options, only the name is checked.
                    yield return (number, command.Arguments.Any(a => a.StartsWith('-')) ? command : command with { IsSynopsis = true });
                }
            }
        }
    }

    private static string? CheckParse(RootCommand root, CommandLine command)
    {
        var result = root.Parse([.. command.Arguments]);
        return result.Errors.Count == 0 ? null : string.Join("; ", result.Errors.Select(e => e.Message));
    }

    // A form such as `poc report [--endpoint URL] [--out DIR]`: the subcommand must exist and know each option.
    private static string? CheckNames(RootCommand root, CommandLine command)
    {
        Command current = root;
        var known = new HashSet<string>(root.Options.SelectMany(Names), StringComparer.Ordinal);
        var afterOption = false;
        foreach (var word in command.Arguments.Select(a => a.Trim('[', ']')))
        {
            if (word.StartsWith('-'))
            {
                var name = word.Split('=')[0];
                if (name == "--")
                {
                    break;
                }

                if (!known.Contains(name) && !(current.Name == "bench" && System.Text.RegularExpressions.Regex.IsMatch(global::Poc.Bench.BenchOptions.Usage, $@"(?<![\w-]){name}(?![\w-])")))
                {
                    return $"{current.Name} has no option {name}";
                }

                afterOption = !word.Contains('=', StringComparison.Ordinal);
                continue;
            }

            var placeholder = word.IndexOfAny(['<', '…', '|', '$', ':', '/']) >= 0 || word.Contains("...", StringComparison.Ordinal) || word.All(c => char.IsUpper(c) || !char.IsLetter(c));
            if (afterOption || placeholder)
            {
                afterOption = false;
                continue;
            }

            if (current.Subcommands.Count > 0)
            {
                if (current.Subcommands.FirstOrDefault(c => c.Name == word) is not { } sub)
                {
                    return $"{current.Name} has no command {word}";
                }

                current = sub;
                known.UnionWith(sub.Options.SelectMany(Names));
            }
        }

        return null;
    }

    private static IEnumerable<string> Names(Option option) => [option.Name, .. option.Aliases];

    private static RootCommand Poc()
    {
        static Task<int> Ok() => Task.FromResult(0);
        var handlers = new CommandHandlers((_, _) => Ok(), (_, _) => Ok(), (_, _) => Ok(), (_, _) => Ok(), (_, _) => Ok())
        {
            Monitor = (_, _) => Ok(),
            Report = (_, _) => Ok(),
            Bench = (_, _) => Ok(),
        };
        return PocCommandLine.Build(handlers, _ => null);
    }

    private static RootCommand LocalCloud() => global::LocalCloud.LocalCloudCommandLine.Build((_, _) => Task.FromResult(0));
}
