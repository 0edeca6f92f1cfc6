using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LocalCloud.HostileInput.Tests.Fuzzing;

namespace LocalCloud.HostileInput.Tests;

/// <summary>
/// Hand-written broken inputs (Corpus/*.txt) whose AWS answer is known: every broken state machine definition is
/// InvalidDefinition, every malformed DynamoDB expression is ValidationException.
/// </summary>
public sealed partial class CorpusTests(HostileCloud cloud) : IClassFixture<HostileCloud>
{
    [Fact]
    public async Task InvalidAslCorpus_EveryDefinition_InvalidDefinition()
    {
        var cases = AslCases();
        var failures = new List<string>();
        var i = 0;
        foreach (var (name, definition) in cases)
        {
            var body = new JsonObject { ["name"] = $"broken-{i++}", ["roleArn"] = "arn:aws:iam::000000000000:role/r", ["definition"] = definition };
            var response = await SendAsync("AWSStepFunctions.CreateStateMachine", body);
            if (Verdict.ErrorCode(response) != "InvalidDefinition")
            {
                failures.Add($"{name}: {response.Status} {response.Text}");
            }
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"{cases.Count} invalid definitions tried");

        Assert.True(cases.Count >= 50, $"only {cases.Count} cases");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} broken definitions were not InvalidDefinition:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task MalformedDynamoDbExpressionCorpus_EveryExpression_ValidationException()
    {
        var cases = ExpressionCases();
        var failures = new List<string>();
        foreach (var (kind, expression) in cases)
        {
            var (operation, body) = ExpressionRequest(kind, expression);
            var response = await SendAsync("DynamoDB_20120810." + operation, body);
            if (Verdict.ErrorCode(response) != "ValidationException")
            {
                failures.Add($"{kind} '{expression}': {response.Status} {response.Text}");
            }
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"{cases.Count} malformed expressions tried");

        Assert.True(cases.Count >= 50, $"only {cases.Count} cases");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} malformed expressions were not ValidationException:\n" + string.Join('\n', failures));
    }

    private static (string Operation, JsonObject Body) ExpressionRequest(string kind, string expression)
    {
        var key = new JsonObject { ["pk"] = new JsonObject { ["S"] = "k" }, ["sk"] = new JsonObject { ["N"] = "1" } };
        var (operation, member, body) = kind switch
        {
            "Update" => ("UpdateItem", "UpdateExpression", new JsonObject { ["Key"] = key }),
            "Condition" => ("PutItem", "ConditionExpression", new JsonObject { ["Item"] = key }),
            "KeyCondition" => ("Query", "KeyConditionExpression", new JsonObject()),
            "Filter" => ("Scan", "FilterExpression", new JsonObject()),
            "Projection" => ("GetItem", "ProjectionExpression", new JsonObject { ["Key"] = key }),
            _ => throw new InvalidOperationException("Unknown kind " + kind),
        };
        body["TableName"] = KnownResources.TableName;
        body[member] = expression;
        // Define exactly the placeholders the expression uses (not the deliberately undefined ones), so each case
        // fails on its syntax or semantics rather than on an unused or missing placeholder.
        var names = new JsonObject();
        foreach (var name in Placeholder().Matches(expression).Select(m => m.Value).Where(p => p[0] == '#' && !p.StartsWith("#undefined", StringComparison.Ordinal)).Distinct())
        {
            names[name] = name[1..];
        }
        var values = new JsonObject();
        foreach (var value in Placeholder().Matches(expression).Select(m => m.Value).Where(p => p[0] == ':' && !p.StartsWith(":undefined", StringComparison.Ordinal)).Distinct())
        {
            values[value] = value == ":n" ? new JsonObject { ["N"] = "1" } : new JsonObject { ["S"] = value[1..] };
        }
        if (names.Count > 0)
        {
            body["ExpressionAttributeNames"] = names;
        }
        if (values.Count > 0 && operation != "GetItem")
        {
            body["ExpressionAttributeValues"] = values;
        }
        return (operation, body);
    }

    private async Task<HostileResponse> SendAsync(string target, JsonObject body)
        => await cloud.Client.SendAsync(
            new HostileRequest("POST", "/", [new("X-Amz-Target", target), new("Content-Type", "application/x-amz-json-1.0")], JsonSerializer.SerializeToUtf8Bytes(body), target),
            TestContext.Current.CancellationToken);

    private static List<(string Name, string Definition)> AslCases()
    {
        var cases = new List<(string, string)>();
        string? name = null;
        var text = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Corpus", "invalid-asl.txt")).Append("### end"))
        {
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                if (name is not null)
                {
                    cases.Add((name, string.Join('\n', text)));
                }
                (name, text) = (line[4..], []);
            }
            else if (name is not null)
            {
                text.Add(line);
            }
        }
        return cases;
    }

    private static List<(string Kind, string Expression)> ExpressionCases()
        => [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Corpus", "malformed-dynamodb-expressions.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t', 2))
            .Select(p => (p[0], p.Length > 1 ? p[1] : string.Empty))];

    [GeneratedRegex(@"[#:][A-Za-z][A-Za-z0-9]*", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
