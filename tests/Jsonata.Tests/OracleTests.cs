using System.Text.Json;

namespace Jsonata.Tests;

/// <summary>
/// Expressions outside the official suite (edge cases of regexes, numbers, casing, errors), answered by jsonata 2.2.2
/// (Oracle/generate.js) and replayed here: results compared as $string prints them, errors by code.
/// </summary>
public sealed class OracleTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Oracle");

    public static TheoryData<int> Indexes()
    {
        var data = new TheoryData<int>();
        var count = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "answers.json"))).RootElement.GetArrayLength();
        for (var i = 0; i < count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Answer_MatchesReference(int index)
    {
        using var answers = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "answers.json")));
        var answer = answers.RootElement[index];
        var expr = JsonText.ReadString(answer.GetProperty("expr"));
        var data = JsonText.Parse(File.ReadAllText(Path.Combine(Folder, "data.json")));

        string actual;
        try
        {
            var result = JsonataExpression.Compile(expr).EvaluateValue(data);
            actual = result is null ? "undefined" : "string " + Functions.String(result);
        }
        catch (JsonataException e)
        {
            actual = "code " + e.Code;
        }

        var expected = answer.TryGetProperty("code", out var code) ? "code " + code.GetString()
            : answer.TryGetProperty("string", out var s) ? "string " + JsonText.ReadString(s)
            : "undefined";
        Assert.True(expected == actual, $"{expr}: reference {expected}, engine {actual}");
    }
}
