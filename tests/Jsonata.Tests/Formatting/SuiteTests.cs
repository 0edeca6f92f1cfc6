using System.Text.Json;

namespace Jsonata.Tests.Formatting;

/// <summary>
/// The official suite's literal calls to $formatNumber, $formatInteger, $parseInteger, $fromMillis and $toMillis, run
/// against the formatting API alone. Cases the engine decides, and the ones listed in KnownFailures.txt, are skipped
/// with their reason.
/// </summary>
public sealed class SuiteTests
{
    private const string Absent = "../shared/data/jsonata-test-suite/groups not found beside the repository.";

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        var groups = SuiteCase.GroupsFolder();
        if (groups is null)
        {
            data.Add("(suite absent)");
            return data;
        }

        // Cases that need the engine (an undefined argument, paths) are the engine's conformance test's to run, not rows
        // here: a row that could only skip would read as a suite that did not run.
        foreach (var c in SuiteCase.Load(groups).Where(c => SuiteRunner.EngineOnly(LiteralCall.TryParsePipeline(c.Expression)!) is null))
        {
            data.Add(c.Id);
        }

        return data;
    }

    private static readonly Lazy<Dictionary<string, SuiteCase>> Cases = new(() =>
        SuiteCase.GroupsFolder() is { } groups ? SuiteCase.Load(groups).ToDictionary(c => c.Id) : []);

    internal static readonly Lazy<Dictionary<string, string>> KnownFailures = new(() =>
        File.ReadAllLines(KnownFailuresFile())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(" — ", 2))
            .ToDictionary(parts => parts[0].Trim(), parts => parts.Length > 1 ? parts[1].Trim() : "", StringComparer.Ordinal));

    // Read from the source tree (the test project copies nothing to its output, and this folder is all this suite owns).
    private static string KnownFailuresFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Jsonata.Tests", "Formatting", "KnownFailures.txt");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("tests/Jsonata.Tests/Formatting/KnownFailures.txt not found above " + AppContext.BaseDirectory);
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void SuiteCase_MatchesTheReference(string id)
    {
        if (!Cases.Value.TryGetValue(id, out var c))
        {
            Assert.Skip(Absent);
            return;
        }

        if (KnownFailures.Value.TryGetValue(id, out var reason))
        {
            Assert.Skip("known failure: " + reason);
        }

        var calls = LiteralCall.TryParsePipeline(c.Expression)!;
        var outcome = SuiteRunner.Run(calls);
        Assert.Equal(Expected(c), Describe(outcome));
    }

    /// <summary>Every literal call the API decides, passing or listed as known failing: N of M as the brief asks.</summary>
    [Fact]
    public void Suite_CountsPassingCases()
    {
        if (SuiteCase.GroupsFolder() is null)
        {
            Assert.Skip(Absent);
        }

        var ours = Cases.Value.Values.Where(c => SuiteRunner.EngineOnly(LiteralCall.TryParsePipeline(c.Expression)!) is null).ToList();
        var passing = ours.Where(c => Expected(c) == Describe(SuiteRunner.Run(LiteralCall.TryParsePipeline(c.Expression)!))).ToList();
        var failing = ours.Except(passing).Select(c => c.Id).Order(StringComparer.Ordinal).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"Formatting suite: {passing.Count} of {ours.Count} literal calls pass ({Cases.Value.Count - ours.Count} left to the engine).");
        // The list is the truth: a case that fails must be listed, and a listed case must still fail.
        Assert.Equal(KnownFailures.Value.Keys.Order(StringComparer.Ordinal).ToList(), failing);
    }

    internal static string Expected(SuiteCase c) =>
        c.Code is not null ? "error " + c.Code
        : c.UndefinedResult ? "undefined"
        : c.Result is { } result ? result.ValueKind switch
        {
            JsonValueKind.String => "string " + result.GetString(),
            JsonValueKind.Number => "number " + result.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            _ => "json " + result.GetRawText(),
        }
        : "undefined";

    internal static string Describe(SuiteRunner.Outcome outcome) =>
        outcome.Code is not null ? "error " + outcome.Code
        : outcome.Value switch
        {
            null => "undefined",
            string s => "string " + s,
            double d => "number " + d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            var other => "other " + other,
        };
}
