using System.Net;
using System.Text.Json;
using Aws.Clients.StepFunctions;
using Aws.Clients.Tests.Support;

namespace Aws.Clients.Tests.StepFunctions;

public sealed class StepFunctionsClientTests
{
    private const string MachineArn = "arn:aws:states:us-east-1:000000000000:stateMachine:jobs";
    private const string ExecutionArn = "arn:aws:states:us-east-1:000000000000:execution:jobs:run-1";
    private readonly TestClients clients = new();

    private StepFunctionsClient Client() => new(clients.Config());

    [Fact]
    public async Task StartExecutionAsync_Request_IsSignedAwsJsonPostWithCamelCaseBody()
    {
        clients.Handler.Respond(HttpStatusCode.OK, """{"executionArn":"arn:x","startDate":1704164645.123}""");

        var response = await Client().StartExecutionAsync(
            new StartExecutionRequest { StateMachineArn = MachineArn, Name = "run-1", Input = """{"a":1}""" },
            TestContext.Current.CancellationToken);

        var sent = clients.Handler.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("http://localhost:4566/", sent.Uri.ToString());
        Assert.Equal("AWSStepFunctions.StartExecution", sent.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.0", sent.Header("Content-Type"));
        Assert.Equal("""{"stateMachineArn":"arn:aws:states:us-east-1:000000000000:stateMachine:jobs","name":"run-1","input":"{\u0022a\u0022:1}"}""", sent.BodyText);
        Assert.Equal("20240102T030405Z", sent.Header("X-Amz-Date"));
        TestClients.AssertValidSignature(sent, "states");
        Assert.Equal("arn:x", response.ExecutionArn);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1704164645123), response.StartDate);
    }

    [Fact]
    public async Task SendTaskSuccessAsync_Request_SendsTokenAndOutput()
    {
        clients.Handler.Respond(HttpStatusCode.OK, "{}");

        var response = await Client().SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = "tok", Output = """{"ok":true}""" }, TestContext.Current.CancellationToken);

        var body = clients.Handler.Single().Json();
        Assert.Equal("AWSStepFunctions.SendTaskSuccess", clients.Handler.Single().Header("X-Amz-Target"));
        Assert.Equal("tok", body.GetProperty("taskToken").GetString());
        Assert.Equal("""{"ok":true}""", body.GetProperty("output").GetString());
        Assert.NotNull(response);
    }

    [Fact]
    public async Task SendTaskFailureAsync_NullCause_OmitsMember()
    {
        clients.Handler.Respond(HttpStatusCode.OK, string.Empty);

        await Client().SendTaskFailureAsync(new SendTaskFailureRequest { TaskToken = "tok", Error = "Job.Failed" }, TestContext.Current.CancellationToken);

        Assert.Equal("""{"taskToken":"tok","error":"Job.Failed"}""", clients.Handler.Single().BodyText);
    }

    [Fact]
    public async Task SendTaskHeartbeatAsync_Request_UsesHeartbeatTarget()
    {
        clients.Handler.Respond(HttpStatusCode.OK, "{}");

        await Client().SendTaskHeartbeatAsync(new SendTaskHeartbeatRequest { TaskToken = "tok" }, TestContext.Current.CancellationToken);

        Assert.Equal("AWSStepFunctions.SendTaskHeartbeat", clients.Handler.Single().Header("X-Amz-Target"));
        Assert.Equal("""{"taskToken":"tok"}""", clients.Handler.Single().BodyText);
    }

    [Fact]
    public async Task CreateStateMachineAsync_Request_SerialisesTagsAndTypeAndParsesDates()
    {
        clients.Handler.Respond(HttpStatusCode.OK, $$"""{"stateMachineArn":"{{MachineArn}}","creationDate":1704164645}""");

        var response = await Client().CreateStateMachineAsync(
            new CreateStateMachineRequest
            {
                Name = "jobs",
                Definition = """{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}""",
                RoleArn = "arn:aws:iam::000000000000:role/r",
                Type = "STANDARD",
                Tags = [new Tag { Key = "k", Value = "v" }],
            },
            TestContext.Current.CancellationToken);

        var body = clients.Handler.Single().Json();
        Assert.Equal("AWSStepFunctions.CreateStateMachine", clients.Handler.Single().Header("X-Amz-Target"));
        Assert.Equal("jobs", body.GetProperty("name").GetString());
        Assert.Equal("STANDARD", body.GetProperty("type").GetString());
        Assert.Equal("v", body.GetProperty("tags")[0].GetProperty("value").GetString());
        Assert.False(body.TryGetProperty("publish", out _));
        Assert.Equal(MachineArn, response.StateMachineArn);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1704164645), response.CreationDate);
    }

    [Fact]
    public async Task DescribeExecutionAsync_SucceededExecution_ParsesAllFields()
    {
        clients.Handler.Respond(HttpStatusCode.OK, $$"""
            {"executionArn":"{{ExecutionArn}}","stateMachineArn":"{{MachineArn}}","name":"run-1","status":"SUCCEEDED",
             "startDate":1704164645.5,"stopDate":1704164700,"input":"{}","output":"{\"r\":2}","redriveCount":0}
            """);

        var response = await Client().DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = ExecutionArn }, TestContext.Current.CancellationToken);

        Assert.Equal("SUCCEEDED", response.Status);
        Assert.Equal("""{"r":2}""", response.Output);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1704164645500), response.StartDate);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1704164700), response.StopDate);
        Assert.Null(response.Error);
        Assert.Equal(0, response.RedriveCount);
    }

    [Fact]
    public async Task ListStateMachinesAsync_Page_ParsesItemsAndToken()
    {
        clients.Handler.Respond(HttpStatusCode.OK, $$"""{"stateMachines":[{"stateMachineArn":"{{MachineArn}}","name":"jobs","type":"EXPRESS","creationDate":1}],"nextToken":"n"}""");

        var response = await Client().ListStateMachinesAsync(new ListStateMachinesRequest { MaxResults = 10 }, TestContext.Current.CancellationToken);

        Assert.Equal("""{"maxResults":10}""", clients.Handler.Single().BodyText);
        Assert.Equal("EXPRESS", Assert.Single(response.StateMachines).Type);
        Assert.Equal("n", response.NextToken);
    }

    [Fact]
    public async Task ListExecutionsAsync_StatusFilter_SentAndItemsParsed()
    {
        clients.Handler.Respond(HttpStatusCode.OK, $$"""{"executions":[{"executionArn":"{{ExecutionArn}}","stateMachineArn":"{{MachineArn}}","name":"run-1","status":"RUNNING","startDate":2}]}""");

        var response = await Client().ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = MachineArn, StatusFilter = "RUNNING" }, TestContext.Current.CancellationToken);

        Assert.Equal("RUNNING", clients.Handler.Single().Json().GetProperty("statusFilter").GetString());
        Assert.Equal("run-1", Assert.Single(response.Executions).Name);
        Assert.Null(response.NextToken);
    }

    [Fact]
    public async Task UpdateDeleteStopDescribeStateMachine_Requests_UseTheirTargets()
    {
        clients.Handler.Respond(HttpStatusCode.OK, """{"updateDate":3,"stopDate":4,"stateMachineArn":"a","name":"n","definition":"{}","roleArn":"r","type":"STANDARD","creationDate":5}""");
        var client = Client();
        var ct = TestContext.Current.CancellationToken;

        var updated = await client.UpdateStateMachineAsync(new UpdateStateMachineRequest { StateMachineArn = MachineArn, Definition = "{}" }, ct);
        var described = await client.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = MachineArn }, ct);
        var stopped = await client.StopExecutionAsync(new StopExecutionRequest { ExecutionArn = ExecutionArn, Error = "E", Cause = "C" }, ct);
        await client.DeleteStateMachineAsync(new DeleteStateMachineRequest { StateMachineArn = MachineArn }, ct);

        Assert.Equal(
            ["AWSStepFunctions.UpdateStateMachine", "AWSStepFunctions.DescribeStateMachine", "AWSStepFunctions.StopExecution", "AWSStepFunctions.DeleteStateMachine"],
            clients.Handler.Requests.Select(r => r.Header("X-Amz-Target")));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(3), updated.UpdateDate);
        Assert.Equal("STANDARD", described.Type);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(4), stopped.StopDate);
        Assert.Equal("C", clients.Handler.Requests[2].Json().GetProperty("cause").GetString());
    }

    [Fact]
    public async Task GetExecutionHistoryAllAsync_TwoPages_FollowsNextTokenAndKeepsDetails()
    {
        clients.Handler
            .Respond(HttpStatusCode.OK, """
                {"events":[{"timestamp":1,"type":"ExecutionStarted","id":1,"previousEventId":0,"executionStartedEventDetails":{"input":"{}","roleArn":"r"}}],"nextToken":"p2"}
                """)
            .Respond(HttpStatusCode.OK, """
                {"events":[{"timestamp":2,"type":"TaskSucceeded","id":2,"previousEventId":1,"taskSucceededEventDetails":{"resourceType":"lambda","resource":"invoke","output":"{\"x\":1}"},"futureEventDetails":{"a":1}}]}
                """);

        var events = await Client().GetExecutionHistoryAllAsync(new GetExecutionHistoryRequest { ExecutionArn = ExecutionArn, MaxResults = 1 }, TestContext.Current.CancellationToken);

        Assert.Equal(2, clients.Handler.Requests.Count);
        Assert.False(clients.Handler.Requests[0].Json().TryGetProperty("nextToken", out _));
        Assert.Equal("p2", clients.Handler.Requests[1].Json().GetProperty("nextToken").GetString());
        Assert.Equal(1, clients.Handler.Requests[1].Json().GetProperty("maxResults").GetInt32());
        Assert.Equal([1L, 2L], events.Select(e => e.Id));
        Assert.Equal("TaskSucceeded", events[1].Type);
        Assert.Equal(1L, events[1].PreviousEventId);
        Assert.Equal("""{"x":1}""", events[1].TaskSucceededEventDetails!.Value.GetProperty("output").GetString());
        Assert.Equal("r", events[0].ExecutionStartedEventDetails!.Value.GetProperty("roleArn").GetString());
        Assert.Equal(JsonValueKind.Object, events[1].AdditionalMembers!["futureEventDetails"].ValueKind);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(2), events[1].Timestamp);
    }

    [Fact]
    public async Task DescribeExecutionAsync_AwsJsonError_ThrowsWithCodeStatusAndRequestId()
    {
        clients.Handler.Respond(
            HttpStatusCode.BadRequest,
            """{"__type":"com.amazonaws.swf.service.v2.model#ExecutionDoesNotExist","message":"Execution Does Not Exist: 'arn'"}""",
            ("x-amzn-RequestId", "req-1"));

        var error = await Assert.ThrowsAsync<AwsApiException>(() =>
            Client().DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = ExecutionArn }, TestContext.Current.CancellationToken));

        Assert.Equal("ExecutionDoesNotExist", error.ErrorCode);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("req-1", error.RequestId);
        Assert.Equal("Execution Does Not Exist: 'arn'", error.Message);
        Assert.Single(clients.Handler.Requests);
    }
}
