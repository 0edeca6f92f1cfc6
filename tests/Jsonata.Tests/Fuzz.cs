namespace Jsonata.Tests;

/// <summary>
/// Mutates the suite's expressions (fixed seed, bounded count) and evaluates each under depth and time limits:
/// every outcome must be a value or a <see cref="JsonataException"/> with a code — never another exception or a hang.
/// </summary>
public sealed class Fuzz
{
    private const int Mutations = 4000;

    private static readonly string[] Fragments =
    [
        "(", ")", "[", "]", "{", "}", ".", ",", ";", ":", "$", "$$", "%", "#$i", "@$v", "*", "**", "~>", "?", "??", "?:",
        "..", ":=", "&", "=", "!=", "<", ">", "^(", "|", "\"", "'", "/", "/a/", "-", "+", "1", "0", "-1", "1e308",
        "\"x\"", "null", "true", "and", "or", "in", "function($x){$x}", "$f($f)", "[]", "{}", "`a`", "/*", "\\u",
    ];

    [Fact]
    public void MutatedSuiteExpressions_EndInAValueOrACodedError()
    {
        var root = Conformance.SuiteRoot();
        if (root is null)
        {
            Assert.Skip($"JSONata test suite not found at {Conformance.SuiteFolder}");
        }

        var cases = Conformance.LoadCases(root);
        var random = new Random(20261204);
        var options = new EvaluationOptions { MaxDepth = 200, Timeout = TimeSpan.FromSeconds(1) };
        int values = 0, errors = 0;
        var crashes = new List<string>();
        for (var i = 0; i < Mutations; i++)
        {
            var source = cases[random.Next(cases.Count)];
            var expr = Mutate(source.Expression, random);
            try
            {
                JsonataExpression.Compile(expr).EvaluateValue(Conformance.Input(root, source), options);
                values++;
            }
            catch (JsonataException e)
            {
                Assert.False(string.IsNullOrEmpty(e.Code), $"error without a code for {expr}");
                errors++;
            }
            catch (Exception e)
            {
                crashes.Add($"{e.GetType().Name} for {expr}: {e.Message}");
            }
        }

        TestContext.Current.SendDiagnosticMessage($"fuzz: {Mutations} mutated expressions, {values} values, {errors} coded errors, {crashes.Count} crashes");
        TestContext.Current.TestOutputHelper?.WriteLine($"JSONata fuzz: {Mutations} mutated expressions, {values} values, {errors} coded errors, {crashes.Count} crashes");
        Assert.True(crashes.Count == 0, string.Join("\n", crashes.Take(20)));
    }

    private static string Mutate(string expr, Random random)
    {
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var at = expr.Length == 0 ? 0 : random.Next(expr.Length);
            switch (random.Next(3))
            {
                case 0:
                    expr = expr.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 1 when expr.Length > 0:
                    expr = expr.Remove(at, Math.Min(expr.Length - at, random.Next(1, 4)));
                    break;
                default:
                    var other = expr.Length == 0 ? 0 : random.Next(expr.Length);
                    var chars = expr.ToCharArray();
                    if (chars.Length > 0)
                    {
                        (chars[at], chars[other]) = (chars[other], chars[at]);
                    }

                    expr = new string(chars);
                    break;
            }
        }

        return expr;
    }
}
