using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>
/// Hostile JSONata in every field that takes it: mutated expressions (fixed seed) are either refused at create with
/// InvalidDefinition or run to an end — succeeded, or failed with the error a workflow can catch — never a crash, an
/// unexpected error code or an execution left running.
/// </summary>
public sealed class JsonataFuzzTests
{
    private static readonly string[] Seeds =
    [
        "$states.input.items[price > 2].(price * qty)",
        "$sum($states.input.items.price) & ' total'",
        "$map($range(1, 5, 1), function($v) { $v * $v })",
        "$states.context.Execution.Name & $string($count($states.input.items))",
        "{ 'a': $states.input.a, 'b': [1, 2, 3][$ > 1] }",
        "$partition($states.input.items, 2)",
        "$hash($string($states.input), 'SHA-256')",
        "$parse('{\"k\":[1,2]}').k[1]",
        "($x := 3; $y := function($n) { $n <= 1 ? 1 : $n * $y($n - 1) }; $y($x))",
        "$states.input.items ~> $filter(function($i) { $i.qty > 1 }) ~> $count()",
        "$reduce([1..10], function($a, $b) { $a + $b })",
        "$formatNumber(1234.5, '#,##0.00')",
    ];

    private static readonly string[] Fragments = ["(", ")", "[", "]", "{", "}", ".", ",", ";", "$", "$states", "'", "\"", "..", "~>", ":=", "*", "**", "%", "#", "@", "?", ":", "function", "$eval('1')", "1e400", "-", "/", "\\", "0", "[1..1000000]", "$uuid()"];

    [Fact]
    public async Task MutatedExpressions_InEveryJsonataField_RefusedOrRunToAnEnd()
    {
        var random = new Random(20261204);
        var refused = 0;
        var succeeded = 0;
        var failed = 0;
        var surprises = new List<string>();
        await using var sfn = new SfnHarness();
        for (var i = 0; i < 300; i++)
        {
            var expression = Mutate(Seeds[random.Next(Seeds.Length)], random);
            var definition = Machine(i % 4, expression);
            var (status, body) = await sfn.CallAsync("CreateStateMachine", new { name = $"fuzz-{i}", definition = definition.ToJsonString(), roleArn = SfnHarness.Role });
            if (status != 200)
            {
                if (body["__type"]?.GetValue<string>()?.EndsWith("InvalidDefinition", StringComparison.Ordinal) != true)
                {
                    surprises.Add($"{expression}: create answered {status} {body.ToJsonString()}");
                }
                refused++;
                continue;
            }
            var execution = await sfn.StartAsync(body["stateMachineArn"]!.GetValue<string>(), """{"a":1,"items":[{"price":3,"qty":2},{"price":1,"qty":5}]}""");
            var done = await sfn.RunToEndAsync(execution, TimeSpan.FromSeconds(30));
            switch (done.Status)
            {
                case "SUCCEEDED":
                    succeeded++;
                    break;
                case "FAILED" when done.Error is "States.QueryEvaluationError" or "States.DataLimitExceeded" or "States.Runtime":
                    failed++;
                    break;
                default:
                    surprises.Add($"{expression}: {done.Status} {done.Error} {done.Cause}");
                    break;
            }
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"300 mutations: {refused} refused at create, {succeeded} succeeded, {failed} failed as a workflow can catch");

        Assert.True(surprises.Count == 0, string.Join('\n', surprises));
        Assert.True(refused > 0 && succeeded > 0 && failed > 0, $"the mutations did not reach every outcome: {refused}/{succeeded}/{failed}");
    }

    private static string Mutate(string seed, Random random)
    {
        var text = seed;
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var at = random.Next(text.Length + 1);
            text = random.Next(3) switch
            {
                0 => text.Insert(at, Fragments[random.Next(Fragments.Length)]),
                1 when text.Length > 1 => text.Remove(Math.Min(at, text.Length - 1), 1),
                _ => text[..at] + Fragments[random.Next(Fragments.Length)] + text[Math.Min(text.Length, at + 1)..],
            };
        }
        return text;
    }

    /// <summary>The expression in one of four places: Output, Assign, a Choice Condition, or Map Items.</summary>
    private static JsonObject Machine(int shape, string expression)
    {
        var field = "{% " + expression + " %}";
        JsonObject state = shape switch
        {
            0 => new JsonObject { ["Type"] = "Pass", ["Output"] = new JsonObject { ["v"] = field }, ["End"] = true },
            1 => new JsonObject { ["Type"] = "Pass", ["Assign"] = new JsonObject { ["v"] = field }, ["End"] = true },
            2 => new JsonObject
            {
                ["Type"] = "Choice",
                ["Choices"] = new JsonArray(new JsonObject { ["Condition"] = field, ["Next"] = "Done" }),
                ["Default"] = "Done",
            },
            _ => new JsonObject
            {
                ["Type"] = "Map",
                ["Items"] = field,
                ["ItemProcessor"] = new JsonObject { ["StartAt"] = "Item", ["States"] = new JsonObject { ["Item"] = new JsonObject { ["Type"] = "Pass", ["End"] = true } } },
                ["End"] = true,
            },
        };
        var states = new JsonObject { ["Fuzz"] = state };
        if (shape == 2)
        {
            states["Done"] = new JsonObject { ["Type"] = "Succeed" };
        }
        return new JsonObject { ["QueryLanguage"] = "JSONata", ["StartAt"] = "Fuzz", ["States"] = states };
    }
}
