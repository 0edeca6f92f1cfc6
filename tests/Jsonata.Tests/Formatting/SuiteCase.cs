using System.Text.Json;

namespace Jsonata.Tests.Formatting;

/// <summary>One case of the official JSONata suite (../shared/data/jsonata-test-suite/groups) whose expression is a literal call to a formatting function.</summary>
public sealed record SuiteCase(string Id, string Expression, JsonElement? Result, string? Code, bool UndefinedResult)
{
    public static readonly string[] Functions = ["formatNumber", "formatInteger", "parseInteger", "fromMillis", "toMillis"];

    public override string ToString() => Id;

    /// <summary>The suite's groups folder, found by walking up from the test binaries to the folder holding shared/data; null when absent.</summary>
    public static string? GroupsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "jsonata-test-suite", "groups");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Every case in every group whose expression is one call with literal arguments to one of <see cref="Functions"/>.</summary>
    public static IReadOnlyList<SuiteCase> Load(string groups)
    {
        var cases = new List<SuiteCase>();
        foreach (var file in Directory.EnumerateFiles(groups, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(groups, file).Replace('\\', '/');
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            var entries = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                // A few other groups hold lone surrogates, which .NET strings can carry but System.Text.Json will not decode;
                // none of them calls a formatting function (checked with grep), so they are simply not ours.
                if (!entry.TryGetProperty("expr", out var expr) || expr.ValueKind != JsonValueKind.String
                    || !Functions.Any(f => expr.GetRawText().Contains("$" + f, StringComparison.Ordinal)))
                {
                    continue;
                }

                var calls = LiteralCall.TryParsePipeline(expr.GetString()!);
                if (calls is null || !calls.All(c => Functions.Contains(c.Function)))
                {
                    continue;
                }

                var id = entries.Count == 1 ? relative : $"{relative}#{i}";
                cases.Add(new SuiteCase(
                    id,
                    expr.GetString()!,
                    entry.TryGetProperty("result", out var result) ? result.Clone() : null,
                    entry.TryGetProperty("code", out var code) ? code.GetString() : null,
                    entry.TryGetProperty("undefinedResult", out var undefined) && undefined.GetBoolean()));
            }
        }

        return cases;
    }
}
