using System.Text.RegularExpressions;

namespace Docs.Tests;

/// <summary>The documentation a reader sees: README.md and every Markdown file under docs/, read line by line.</summary>
internal static partial class DocFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Every documentation file, relative to the repository root.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "README.md",
        .. Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "docs"), "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryRoot, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>Each line with its 1-based number and whether it lies inside a fenced code block.</summary>
    public static IEnumerable<(int Number, string Text, bool InCode)> Lines(string file)
    {
        var inCode = false;
        var number = 0;
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot, file)))
        {
            number++;
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }

            yield return (number, line, inCode);
        }
    }

    /// <summary>The inline code spans of a line of prose.</summary>
    public static IEnumerable<string> InlineCode(string line) => InlineCodePattern().Matches(line).Select(m => m.Groups[1].Value);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CallbackPoc.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CallbackPoc.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex InlineCodePattern();
}
