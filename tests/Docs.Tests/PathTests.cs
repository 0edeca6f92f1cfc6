using System.Text.RegularExpressions;

namespace Docs.Tests;

/// <summary>Every repository path the docs mention and every relative link they hold points at something that exists.</summary>
public sealed partial class PathTests
{
    public static TheoryData<string> Files => [.. DocFiles.All];

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryRelativeLink_Resolves(string file)
    {
        var folder = Path.GetDirectoryName(Path.Combine(DocFiles.RepositoryRoot, file))!;
        var broken = DocFiles.Lines(file)
            .SelectMany(l => Link().Matches(l.Text).Select(m => (l.Number, Target: m.Groups[1].Value)))
            .Where(l => !l.Target.Contains("://", StringComparison.Ordinal) && !l.Target.StartsWith('#') && !l.Target.StartsWith("mailto:", StringComparison.Ordinal))
            .Where(l => !Exists(Path.Combine(folder, l.Target.Split('#')[0])))
            .Select(l => $"{file}:{l.Number}: link to {l.Target}, which does not exist")
            .ToList();

        Assert.True(broken.Count == 0, string.Join(Environment.NewLine, broken));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryRepositoryPathMentioned_Exists(string file)
    {
        var missing = DocFiles.Lines(file)
            .SelectMany(l => RepositoryPath().Matches(l.Text).Select(m => (l.Number, Path: m.Value.TrimEnd('.'))))
            // Build output appears only after a build; paths with a placeholder or a wildcard stop before it.
            .Where(p => !p.Path.Contains("/bin/", StringComparison.Ordinal) && !p.Path.Contains("/obj/", StringComparison.Ordinal))
            .Where(p => !Exists(Path.Combine(DocFiles.RepositoryRoot, p.Path)))
            .Select(p => $"{file}:{p.Number}: {p.Path} does not exist")
            .ToList();

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void TheChecksFindWhatTheyLookFor()
    {
        Assert.Matches(RepositoryPath(), "see docs/no-such-page.md for it");
        Assert.False(Exists(Path.Combine(DocFiles.RepositoryRoot, "docs/no-such-page.md")));
        Assert.Equal("generated/figures.md", Link().Match("[the figures](generated/figures.md)").Groups[1].Value);
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<![\w./-])(?:src|docs|tests|infra|bench|scripts|\.ci)/[\w./-]*[\w/]")]
    private static partial Regex RepositoryPath();
}
