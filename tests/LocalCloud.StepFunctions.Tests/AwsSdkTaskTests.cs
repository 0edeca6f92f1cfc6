using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.Core.Ports;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>
/// arn:aws:states:::aws-sdk:&lt;service&gt;:&lt;action&gt; through the IAwsSdkInvoker port: the operation called, the
/// result as the service answers it, AWS's error names and causes, and the services LocalCloud does not host.
/// </summary>
public sealed class AwsSdkTaskTests
{
    private static string Definition(string resource, string parameters, string extra = "")
        => """{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":""" + JsonSerializer.Serialize(resource) + ""","Parameters":""" + parameters + "," + extra
            + "\"End\":true}" + (extra.Contains("Handled", StringComparison.Ordinal) ? ",\"Handled\":{\"Type\":\"Pass\",\"End\":true}" : "") + "}}";

    [Fact]
    public async Task DynamoDbQuery_CallsTheOperation_AndTheResultIsTheResponseAsIs()
    {
        var sdk = new FakeSdk();
        sdk.Answer("dynamodb", "Query", """{"Count":1,"Items":[{"pk":{"S":"a"}}],"ScannedCount":1}""");
        await using var sfn = new SfnHarness(awsSdk: sdk);
        var arn = await sfn.CreateAsync(Definition("arn:aws:states:::aws-sdk:dynamodb:query",
            """{"TableName":"t","KeyConditionExpression":"pk = :pk","ExpressionAttributeValues":{":pk":{"S.$":"$.pk"}}}"""));
        var done = await sfn.RunToEndAsync(await sfn.StartAsync(arn, """{"pk":"a"}"""), TimeSpan.FromSeconds(1));

        Assert.Equal("SUCCEEDED", done.Status);
        // No SdkHttpMetadata: AWS's recorded aws-sdk:dynamodb histories show the bare response ({} for putItem).
        Assert.Equal("""{"Count":1,"Items":[{"pk":{"S":"a"}}],"ScannedCount":1}""", done.Output);
        var call = Assert.Single(sdk.Calls);
        Assert.Equal(("dynamodb", "Query"), (call.Service, call.Operation));
        Assert.Equal("""{"TableName":"t","KeyConditionExpression":"pk = :pk","ExpressionAttributeValues":{":pk":{"S":"a"}}}""", call.Request);
        var scheduled = done.History.Single(e => e.Type == "TaskScheduled").Details!;
        Assert.Equal("aws-sdk:dynamodb", scheduled["resourceType"]!.GetValue<string>());
        Assert.Equal("query", scheduled["resource"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("dynamodb", "putItem", "ConditionalCheckFailedException", "DynamoDb.ConditionalCheckFailedException", "DynamoDb")]
    [InlineData("sfn", "describeExecution", "ExecutionDoesNotExist", "Sfn.ExecutionDoesNotExistException", "Sfn")]
    [InlineData("lambda", "invoke", "ResourceNotFoundException", "Lambda.ResourceNotFoundException", "Lambda")]
    [InlineData("scheduler", "getSchedule", "ResourceNotFoundException", "Scheduler.ResourceNotFoundException", "Scheduler")]
    public async Task ServiceError_IsCaughtByItsAwsName_WithTheSdksCause(string service, string action, string code, string error, string serviceInCause)
    {
        var sdk = new FakeSdk();
        var operation = char.ToUpperInvariant(action[0]) + action[1..];
        sdk.Fail(service, operation, new AwsServiceException(code, "it is not there", 400));
        await using var sfn = new SfnHarness(awsSdk: sdk);
        var arn = await sfn.CreateAsync(Definition($"arn:aws:states:::aws-sdk:{service}:{action}", "{}",
            $$"""
            "Catch":[{"ErrorEquals":["{{error}}"],"Next":"Handled"}],
            """));
        var done = await sfn.RunToEndAsync(await sfn.StartAsync(arn), TimeSpan.FromSeconds(1));

        Assert.Equal("SUCCEEDED", done.Status);
        var output = JsonNode.Parse(done.Output!)!;
        Assert.Equal(error, output["Error"]!.GetValue<string>());
        // The AWS SDK for Java 2.x wording, e.g. "Invalid Token: 'Invalid token' (Service: Sfn, Status Code: 400, Request ID: …)".
        Assert.Matches($@"^it is not there \(Service: {serviceInCause}, Status Code: 400, Request ID: [0-9a-f\-]{{36}}\)$", output["Cause"]!.GetValue<string>());
        var failed = done.History.Single(e => e.Type == "TaskFailed").Details!;
        Assert.Equal($"aws-sdk:{service}", failed["resourceType"]!.GetValue<string>());
        Assert.Equal(error, failed["error"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("arn:aws:states:::aws-sdk:s3:getObject", "'s3'")]
    [InlineData("arn:aws:states:::sns:publish", "'sns'")]
    public async Task UnhostedService_FailsTheStateAtRunTime_NamingIt(string resource, string named)
    {
        var sdk = new FakeSdk();
        await using var sfn = new SfnHarness(awsSdk: sdk);
        var arn = await sfn.CreateAsync(Definition(resource, """{"Bucket":"b","Key":"k"}"""));
        var done = await sfn.RunToEndAsync(await sfn.StartAsync(arn), TimeSpan.FromSeconds(1));

        Assert.Equal("FAILED", done.Status);
        Assert.Equal("States.Runtime", done.Error);
        Assert.Contains($"LocalCloud does not host the AWS service {named}", done.Cause, StringComparison.Ordinal);
        Assert.Contains(resource, done.Cause, StringComparison.Ordinal);
        Assert.Empty(sdk.Calls);
    }

    [Fact]
    public async Task WaitForTaskToken_CallsWithTheToken_ThenWaitsForSendTaskSuccess()
    {
        var sdk = new FakeSdk();
        sdk.Answer("lambda", "Invoke", """{"StatusCode":202,"Payload":null}""");
        await using var sfn = new SfnHarness(awsSdk: sdk);
        var arn = await sfn.CreateAsync(Definition("arn:aws:states:::aws-sdk:lambda:invoke.waitForTaskToken",
            """{"FunctionName":"worker","InvocationType":"Event","Payload":{"token.$":"$$.Task.Token"}}"""));
        var execution = await sfn.StartAsync(arn);
        await sfn.IdleAsync(execution);

        var call = Assert.Single(sdk.Calls);
        var token = JsonNode.Parse(call.Request)!["Payload"]!["token"]!.GetValue<string>();
        await sfn.OkAsync("SendTaskSuccess", new { taskToken = token, output = """{"done":true}""" });
        var done = await sfn.RunToEndAsync(execution, TimeSpan.FromSeconds(1));

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""{"done":true}""", done.Output);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"],
            SfnHarness.Types(done));
        Assert.Equal("invoke.waitForTaskToken", done.History.Single(e => e.Type == "TaskScheduled").Details!["resource"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownAction_And_SyncPattern_FailTheState()
    {
        var sdk = new FakeSdk();
        await using var sfn = new SfnHarness(awsSdk: sdk);
        var unknown = await sfn.RunToEndAsync(await sfn.StartAsync(await sfn.CreateAsync(Definition("arn:aws:states:::aws-sdk:dynamodb:fetchEverything", "{}"), "unknown")), TimeSpan.FromSeconds(1));
        var sync = await sfn.RunToEndAsync(await sfn.StartAsync(await sfn.CreateAsync(Definition("arn:aws:states:::aws-sdk:sfn:startExecution.sync", "{}"), "sync")), TimeSpan.FromSeconds(1));

        Assert.Equal(("FAILED", "States.Runtime"), (unknown.Status, unknown.Error));
        Assert.Contains("has no API action 'fetchEverything'", unknown.Cause, StringComparison.Ordinal);
        Assert.Equal(("FAILED", "States.Runtime"), (sync.Status, sync.Error));
        Assert.Contains("never .sync", sync.Cause, StringComparison.Ordinal);
        Assert.Empty(sdk.Calls);
    }

    [Fact]
    public async Task ValidateStateMachineDefinition_WarnsAboutUnhostedResources_OnlyWhenAskedForWarnings()
    {
        await using var sfn = new SfnHarness();
        var definition = """
            {"StartAt":"Both","States":{"Both":{"Type":"Parallel","Branches":[
              {"StartAt":"Get","States":{"Get":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:getObject","Parameters":{"Bucket":"b","Key":"k"},"End":true}}},
              {"StartAt":"Put","States":{"Put":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:dynamodb:putItem",
                "Parameters":{"TableName":"t","Item":{"Type":{"S":"Task"},"Resource":{"S":"arn:aws:states:::sns:publish"}}},"Next":"Tell"},
               "Tell":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","Parameters":{"Message":"m"},"End":true}}}],"End":true}}}
            """;

        var warnings = await sfn.OkAsync("ValidateStateMachineDefinition", new { definition, severity = "WARNING" });
        var errorsOnly = await sfn.OkAsync("ValidateStateMachineDefinition", new { definition });

        Assert.Equal("OK", warnings["result"]!.GetValue<string>());
        var diagnostics = warnings["diagnostics"]!.AsArray();
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("WARNING", d!["severity"]!.GetValue<string>()));
        Assert.All(diagnostics, d => Assert.Equal("LOCALCLOUD_UNSUPPORTED_RESOURCE", d!["code"]!.GetValue<string>()));
        Assert.Equal(["/States/Both/Branches/0/States/Get/Resource", "/States/Both/Branches/1/States/Tell/Resource"],
            diagnostics.Select(d => d!["location"]!.GetValue<string>()));
        Assert.Contains("'s3'", diagnostics[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("'sns'", diagnostics[1]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(warnings["truncated"]!.GetValue<bool>());
        Assert.Equal("OK", errorsOnly["result"]!.GetValue<string>());
        Assert.Empty(errorsOnly["diagnostics"]!.AsArray());
    }

    [Fact]
    public async Task ValidateStateMachineDefinition_HostedResources_GiveNoWarning()
    {
        await using var sfn = new SfnHarness();
        var definition = Definition("arn:aws:states:::aws-sdk:lambda:invoke", """{"FunctionName":"f"}""").Replace("\"End\":true}}}", "\"Next\":\"Db\"},\"Db\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::dynamodb:getItem\",\"Parameters\":{},\"End\":true}}}", StringComparison.Ordinal);

        var result = await sfn.OkAsync("ValidateStateMachineDefinition", new { definition, severity = "WARNING" });

        Assert.Equal("OK", result["result"]!.GetValue<string>());
        Assert.Empty(result["diagnostics"]!.AsArray());
    }

    /// <summary>Answers scripted responses per operation and records every call.</summary>
    private sealed class FakeSdk : IAwsSdkInvoker
    {
        private static readonly HashSet<string> Services = ["sfn", "lambda", "dynamodb", "scheduler"];
        private readonly Dictionary<(string, string), Func<JsonElement>> _answers = [];

        public List<(string Service, string Operation, string Request)> Calls { get; } = [];

        public void Answer(string service, string operation, string response)
            => _answers[(service, operation)] = () => JsonDocument.Parse(response).RootElement.Clone();

        public void Fail(string service, string operation, AwsServiceException error)
            => _answers[(service, operation)] = () => throw error;

        public bool Hosts(string service) => Services.Contains(service);

        public bool HasOperation(string service, string operation) => Hosts(service) && operation != "FetchEverything";

        public Task<JsonElement> InvokeAsync(string service, string operation, JsonElement request, RequestContext context, CancellationToken cancellationToken)
        {
            Calls.Add((service, operation, request.GetRawText()));
            return Task.FromResult(_answers.TryGetValue((service, operation), out var answer) ? answer() : JsonDocument.Parse("{}").RootElement.Clone());
        }
    }
}
