using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.Core.Usage;
using LocalCloud.StepFunctions.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>arn:aws:states:::dynamodb:* through the IDynamoDbInvoker port.</summary>
public sealed class DynamoDbTaskTests
{
    private static string Definition(string action, string parameters, string extra = "")
    {
        var handled = extra.Contains("Handled", StringComparison.Ordinal) ? ""","Handled":{"Type":"Pass","End":true}""" : "";
        return """{"StartAt":"Db","States":{"Db":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:""" + action
            + "\",\"Parameters\":" + parameters + "," + extra + "\"End\":true}" + handled + "}}";
    }

    [Fact]
    public async Task PutItem_SendsParameters_ReturnsResponseWithSdkMetadata()
    {
        await using var sfn = new SfnHarness();
        var definition = Definition("putItem", """{"TableName":"poc-task-tokens","Item":{"jobId":{"S.$":"$.id"},"status":{"S":"PENDING"}}}""",
            "\"ResultSelector\":{\"status.$\":\"$.SdkHttpMetadata.HttpStatusCode\"},");
        var arn = await sfn.CreateAsync(definition);
        var done = await sfn.RunToEndAsync(await sfn.StartAsync(arn, """{"id":"j-1"}"""), TimeSpan.FromSeconds(1));

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""{"status":200}""", done.Output);
        var (operation, parameters) = Assert.Single(sfn.DynamoDb.Calls);
        Assert.Equal("PutItem", operation);
        Assert.Equal("""{"TableName":"poc-task-tokens","Item":{"jobId":{"S":"j-1"},"status":{"S":"PENDING"}}}""", parameters);
        var scheduled = done.History.Single(e => e.Type == "TaskScheduled").Details!;
        Assert.Equal("dynamodb", scheduled["resourceType"]!.GetValue<string>());
        Assert.Equal("putItem", scheduled["resource"]!.GetValue<string>());
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"],
            SfnHarness.Types(done));
    }

    [Fact]
    public async Task GetItem_ResultIsDynamoResponse()
    {
        await using var sfn = new SfnHarness();
        sfn.DynamoDb.Returns("GetItem", """{"Item":{"jobId":{"S":"j-1"},"attempts":{"N":"3"}}}""");
        var arn = await sfn.CreateAsync(Definition("getItem", """{"TableName":"t","Key":{"jobId":{"S":"j-1"}}}""", "\"OutputPath\":\"$.Item.attempts.N\","));
        var done = await sfn.RunToEndAsync(await sfn.StartAsync(arn), TimeSpan.FromSeconds(1));

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("\"3\"", done.Output);
        Assert.Equal("GetItem", Assert.Single(sfn.DynamoDb.Calls).Operation);
    }

    [Fact]
    public async Task UpdateItem_ConditionalCheckFailed_CaughtByAwsName()
    {
        await using var sfn = new SfnHarness();
        sfn.DynamoDb.Throws("UpdateItem", new AwsServiceException("ConditionalCheckFailedException", "The conditional request failed"));
        var arn = await sfn.CreateAsync(Definition("updateItem", """{"TableName":"t","Key":{"k":{"S":"1"}},"UpdateExpression":"SET a = :a","ExpressionAttributeValues":{":a":{"N":"1"}}}""",
            "\"Catch\":[{\"ErrorEquals\":[\"DynamoDB.ConditionalCheckFailedException\"],\"Next\":\"Handled\"}],"));
        var done = await sfn.RunToEndAsync(await sfn.StartAsync(arn), TimeSpan.FromSeconds(1));

        Assert.Equal("SUCCEEDED", done.Status);
        var output = JsonNode.Parse(done.Output!)!;
        Assert.Equal("DynamoDB.ConditionalCheckFailedException", output["Error"]!.GetValue<string>());
        Assert.StartsWith("The conditional request failed (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ConditionalCheckFailedException;",
            output["Cause"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("TaskFailed", SfnHarness.Types(done));
    }

    [Fact]
    public async Task DeleteItem_TimeoutSeconds_TimesOutOnTheClock()
    {
        await using var sfn = new SfnHarness();
        var never = new TaskCompletionSource<JsonElement>();
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sfn.DynamoDb.Answers("DeleteItem", _ =>
        {
            called.TrySetResult();
            return never.Task;
        });
        var arn = await sfn.CreateAsync(Definition("deleteItem", """{"TableName":"t","Key":{"k":{"S":"1"}}}""", "\"TimeoutSeconds\":5,"));
        var execution = await sfn.StartAsync(arn);
        // An in-flight call keeps the execution busy (not idle), so wait for the call itself; its timer is already set.
        await called.Task.WaitAsync(TestContext.Current.CancellationToken);
        Assert.False(sfn.FinishedAsync(execution).IsCompleted);
        sfn.Time.Advance(TimeSpan.FromSeconds(5));
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("FAILED", done.Status);
        Assert.Equal("States.Timeout", done.Error);
        Assert.Contains("TaskTimedOut", SfnHarness.Types(done));
    }

    [Fact]
    public async Task NoDynamoConnected_StatesRuntime()
    {
        await using var service = new StepFunctionsService(new FakeTimeProvider(), new FakeLambda(), new UsageMeter());
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            name = "m",
            roleArn = SfnHarness.Role,
            definition = Definition("getItem", """{"TableName":"t","Key":{"k":{"S":"1"}}}"""),
        });
        var context = new RequestContext("000000000000", "us-east-1", "r");
        ServiceRequest Request(string op, byte[] payload) => new("POST", "/", new Dictionary<string, string>(),
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-Amz-Target"] = "AWSStepFunctions." + op }, payload, context);
        var created = JsonNode.Parse((await service.HandleAsync(Request("CreateStateMachine", body), TestContext.Current.CancellationToken)).Body.Span)!;
        var started = JsonNode.Parse((await service.HandleAsync(Request("StartExecution",
            JsonSerializer.SerializeToUtf8Bytes(new { stateMachineArn = created["stateMachineArn"]!.GetValue<string>() })), TestContext.Current.CancellationToken)).Body.Span)!;
        var done = await service.WaitForExecutionAsync(started["executionArn"]!.GetValue<string>(), TestContext.Current.CancellationToken);

        Assert.Equal("FAILED", done.Status);
        Assert.Equal("States.Runtime", done.Error);
    }
}
