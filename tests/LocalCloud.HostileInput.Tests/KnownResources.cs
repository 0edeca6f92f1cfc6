using System.Text;
using System.Text.Json;
using LocalCloud.HostileInput.Tests.Fuzzing;

namespace LocalCloud.HostileInput.Tests;

/// <summary>
/// Resources that exist before fuzzing, and the member values that name them, so mutated requests reach an
/// operation's deeper validation (item and expression checks, execution input) instead of stopping at
/// ResourceNotFound.
/// </summary>
public static class KnownResources
{
    public const string TableName = "fuzz-table";
    public const string StateMachineArn = "arn:aws:states:us-east-1:000000000000:stateMachine:fuzz-machine";
    public const string ScheduleName = "fuzz-schedule";

    public static IReadOnlyDictionary<string, string> MemberValues { get; private set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public static async Task CreateAsync(HostileClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        await OkAsync(client, Json("DynamoDB_20120810.CreateTable", new
        {
            TableName,
            AttributeDefinitions = new[] { new { AttributeName = "pk", AttributeType = "S" }, new { AttributeName = "sk", AttributeType = "N" } },
            KeySchema = new[] { new { AttributeName = "pk", KeyType = "HASH" }, new { AttributeName = "sk", KeyType = "RANGE" } },
            BillingMode = "PAY_PER_REQUEST",
        }), cancellationToken);
        await OkAsync(client, Json("AWSStepFunctions.CreateStateMachine", new
        {
            name = "fuzz-machine",
            roleArn = "arn:aws:iam::000000000000:role/fuzz",
            definition = """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""",
        }), cancellationToken);
        var started = await OkAsync(client, Json("AWSStepFunctions.StartExecution", new { stateMachineArn = StateMachineArn, name = "fuzz-run" }), cancellationToken);
        var versionArn = (await OkAsync(client, Json("AWSStepFunctions.PublishStateMachineVersion", new { stateMachineArn = StateMachineArn }), cancellationToken))
            .GetProperty("stateMachineVersionArn").GetString()!;
        var aliasArn = (await OkAsync(client, Json("AWSStepFunctions.CreateStateMachineAlias", new
        {
            name = "fuzz-alias",
            routingConfiguration = new[] { new { stateMachineVersionArn = versionArn, weight = 100 } },
        }), cancellationToken)).GetProperty("stateMachineAliasArn").GetString()!;
        await OkAsync(client, new HostileRequest("POST", "/schedules/" + ScheduleName, [new("Content-Type", "application/json")], Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            ScheduleExpression = "at(2099-01-01T00:00:00)",
            FlexibleTimeWindow = new { Mode = "OFF" },
            Target = new { Arn = "arn:aws:lambda:us-east-1:000000000000:function:none", RoleArn = "arn:aws:iam::000000000000:role/fuzz" },
        })), "known schedule"), cancellationToken);
        MemberValues = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TableName"] = TableName,
            ["stateMachineArn"] = StateMachineArn,
            ["executionArn"] = started.GetProperty("executionArn").GetString()!,
            ["Name"] = ScheduleName,
            ["GroupName"] = "default",
            ["stateMachineVersionArn"] = versionArn,
            ["stateMachineAliasArn"] = aliasArn,
        };
    }

    private static HostileRequest Json(string target, object body)
        => new("POST", "/", [new("X-Amz-Target", target), new("Content-Type", "application/x-amz-json-1.0")], JsonSerializer.SerializeToUtf8Bytes(body), target);

    private static async Task<JsonElement> OkAsync(HostileClient client, HostileRequest request, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(request, cancellationToken);
        if (response.Status != 200)
        {
            throw new InvalidOperationException($"Setting up {request.Description} failed: {response.Status} {response.Text}");
        }
        using var document = JsonDocument.Parse(response.Body);
        return document.RootElement.Clone();
    }
}
