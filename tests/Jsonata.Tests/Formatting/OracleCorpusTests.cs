using System.Globalization;
using System.Text.Json;

namespace Jsonata.Tests.Formatting;

/// <summary>
/// Some 10,240 seeded random calls (numbers × pictures, instants × pictures × time zones, random and mostly invalid
/// pictures for every error path, ISO-shaped strings, parsing back what was formatted, damaged or not) with the answers
/// jsonata-js 2.2.2 gave for each (the Oracle*.gen.js scripts made OracleCorpus.json).
/// A differential test: any divergence from the reference shows up here, listed by expression.
/// </summary>
public sealed class OracleCorpusTests
{
    [Fact]
    public void EveryCorpusCall_GivesWhatTheReferenceGave()
    {
        using var corpus = JsonDocument.Parse(File.ReadAllText(SourceFile("OracleCorpus.json")));
        var mismatches = new List<string>();
        var count = 0;
        foreach (var entry in corpus.RootElement.GetProperty("cases").EnumerateArray())
        {
            count++;
            var expression = entry.GetProperty("expr").GetString()!;
            var expected = entry.TryGetProperty("code", out var code) ? "error " + code.GetString()
                : entry.TryGetProperty("nan", out _) ? "number NaN"
                : entry.TryGetProperty("undefined", out _) ? "undefined"
                : entry.GetProperty("result") is { ValueKind: JsonValueKind.String } s ? "string " + s.GetString()
                : "number " + entry.GetProperty("result").GetDouble().ToString("R", CultureInfo.InvariantCulture);
            var calls = LiteralCall.TryParsePipeline(expression);
            var actual = calls is null ? "unparsed" : SuiteTests.Describe(SuiteRunner.Run(calls));
            if (actual != expected)
            {
                mismatches.Add($"{expression}: expected {expected}, got {actual}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"Oracle corpus: {count - mismatches.Count} of {count} calls match the reference.");
        Assert.True(count > 1000, "the corpus should hold the generated cases");
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches.Take(40).Prepend($"{mismatches.Count} of {count} differ:")));
    }

    internal static string SourceFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Jsonata.Tests", "Formatting", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"tests/Jsonata.Tests/Formatting/{name} not found above {AppContext.BaseDirectory}");
    }
}
