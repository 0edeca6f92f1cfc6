using System.IO.Compression;
using System.Text;

namespace LocalCloud.Tests.AwsCli;

/// <summary>One round trip per service with the real AWS CLI: botocore's serialisers and error parsers against ours.</summary>
public sealed class AwsCliRoundTripTests(AwsCliFixture cli) : IClassFixture<AwsCliFixture>
{
    [Fact]
    public async Task DynamoDb_CreatePutGetQuery_RoundTrips()
    {
        await cli.OkAsync("dynamodb", "create-table", "--table-name", "cli-items",
            "--attribute-definitions", "AttributeName=pk,AttributeType=S", "AttributeName=sk,AttributeType=N",
            "--key-schema", "AttributeName=pk,KeyType=HASH", "AttributeName=sk,KeyType=RANGE",
            "--billing-mode", "PAY_PER_REQUEST");
        await cli.OkAsync("dynamodb", "put-item", "--table-name", "cli-items", "--item", """{"pk":{"S":"a"},"sk":{"N":"2"},"v":{"S":"two"}}""");
        await cli.OkAsync("dynamodb", "put-item", "--table-name", "cli-items", "--item", """{"pk":{"S":"a"},"sk":{"N":"10"},"v":{"S":"ten"}}""");

        var got = await cli.OkAsync("dynamodb", "get-item", "--table-name", "cli-items", "--key", """{"pk":{"S":"a"},"sk":{"N":"2"}}""");
        var query = await cli.OkAsync("dynamodb", "query", "--table-name", "cli-items",
            "--key-condition-expression", "pk = :p AND sk > :s", "--expression-attribute-values", """{":p":{"S":"a"},":s":{"N":"1"}}""");

        Assert.Equal("two", got.GetProperty("Item").GetProperty("v").GetProperty("S").GetString());
        Assert.Equal(2, query.GetProperty("Count").GetInt32());
        // Numbers sort numerically, not as strings: 2 before 10.
        Assert.Equal("2", query.GetProperty("Items")[0].GetProperty("sk").GetProperty("N").GetString());
    }

    [Fact]
    public async Task DynamoDb_ConditionFails_CliReportsAwsErrorCode()
    {
        await cli.OkAsync("dynamodb", "create-table", "--table-name", "cli-cond",
            "--attribute-definitions", "AttributeName=id,AttributeType=S", "--key-schema", "AttributeName=id,KeyType=HASH",
            "--billing-mode", "PAY_PER_REQUEST");
        await cli.OkAsync("dynamodb", "put-item", "--table-name", "cli-cond", "--item", """{"id":{"S":"x"}}""");

        var (exit, _, error) = await cli.RunAsync("dynamodb", "put-item", "--table-name", "cli-cond", "--item", """{"id":{"S":"x"}}""",
            "--condition-expression", "attribute_not_exists(id)");

        Assert.NotEqual(0, exit);
        Assert.Contains("ConditionalCheckFailedException", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StepFunctions_CreateStartDescribe_RunsPassWorkflow()
    {
        var machine = await cli.OkAsync("stepfunctions", "create-state-machine", "--name", "cli-pass",
            "--role-arn", "arn:aws:iam::000000000000:role/r",
            "--definition", """{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"greeting.$":"$.name"},"End":true}}}""");
        var arn = machine.GetProperty("stateMachineArn").GetString()!;
        var started = await cli.OkAsync("stepfunctions", "start-execution", "--state-machine-arn", arn, "--name", "run-1", "--input", """{"name":"ada"}""");
        var executionArn = started.GetProperty("executionArn").GetString()!;

        await cli.Cloud.WaitForExecutionAsync(executionArn, cancellationToken: TestContext.Current.CancellationToken);
        var described = await cli.OkAsync("stepfunctions", "describe-execution", "--execution-arn", executionArn);
        var history = await cli.OkAsync("stepfunctions", "get-execution-history", "--execution-arn", executionArn);

        Assert.Equal("SUCCEEDED", described.GetProperty("status").GetString());
        Assert.Equal("""{"greeting":"ada"}""", described.GetProperty("output").GetString());
        Assert.Equal(["ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"],
            history.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToArray());
    }

    [Fact]
    public async Task StepFunctions_BadDefinitionAndUnknownToken_CliReportsAwsErrorCodes()
    {
        var (exit1, _, error1) = await cli.RunAsync("stepfunctions", "create-state-machine", "--name", "cli-bad",
            "--role-arn", "arn:aws:iam::000000000000:role/r", "--definition", """{"StartAt":"Nope","States":{}}""");
        var (exit2, _, error2) = await cli.RunAsync("stepfunctions", "send-task-success", "--task-token", "not-a-token", "--task-output", "{}");

        Assert.NotEqual(0, exit1);
        Assert.Contains("InvalidDefinition", error1, StringComparison.Ordinal);
        Assert.NotEqual(0, exit2);
        Assert.Contains("InvalidToken", error2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lambda_CreateInvokeDelete_RunsProvidedRuntimeWorker()
    {
        var zip = Path.Combine(Path.GetTempPath(), $"cli-fn-{Guid.NewGuid():N}.zip");
        File.WriteAllBytes(zip, BootstrapZip());
        try
        {
            var created = await cli.OkAsync("lambda", "create-function", "--function-name", "cli-echo", "--runtime", "provided.al2023",
                "--handler", "echo", "--role", "arn:aws:iam::000000000000:role/r", "--zip-file", $"fileb://{zip}");
            await cli.OkAsync("lambda", "wait", "function-active-v2", "--function-name", "cli-echo");
            var outFile = Path.Combine(Path.GetTempPath(), $"cli-out-{Guid.NewGuid():N}.json");
            var invoked = await cli.OkAsync("lambda", "invoke", "--function-name", "cli-echo", "--payload", """{"hello":"world"}""", outFile);
            var payload = await File.ReadAllTextAsync(outFile, TestContext.Current.CancellationToken);
            File.Delete(outFile);
            await cli.OkAsync("lambda", "delete-function", "--function-name", "cli-echo");
            var (exit, _, error) = await cli.RunAsync("lambda", "get-function", "--function-name", "cli-echo");

            Assert.Equal("arn:aws:lambda:us-east-1:000000000000:function:cli-echo", created.GetProperty("FunctionArn").GetString());
            Assert.Equal(200, invoked.GetProperty("StatusCode").GetInt32());
            Assert.Equal("""{"echo":{"hello":"world"}}""", payload.Trim());
            Assert.NotEqual(0, exit);
            Assert.Contains("ResourceNotFoundException", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Fact]
    public async Task Scheduler_CreateGetListDelete_RoundTrips()
    {
        await cli.OkAsync("scheduler", "create-schedule", "--name", "cli-sched", "--schedule-expression", "rate(5 minutes)",
            "--flexible-time-window", "Mode=OFF", "--state", "DISABLED",
            "--target", "Arn=arn:aws:lambda:us-east-1:000000000000:function:nothing,RoleArn=arn:aws:iam::000000000000:role/r");
        var got = await cli.OkAsync("scheduler", "get-schedule", "--name", "cli-sched");
        var listed = await cli.OkAsync("scheduler", "list-schedules", "--name-prefix", "cli-");
        var (badExit, _, badError) = await cli.RunAsync("scheduler", "create-schedule", "--name", "cli-bad", "--schedule-expression", "rate(30 seconds)",
            "--flexible-time-window", "Mode=OFF", "--target", "Arn=arn:aws:lambda:us-east-1:000000000000:function:nothing,RoleArn=arn:aws:iam::000000000000:role/r");
        await cli.OkAsync("scheduler", "delete-schedule", "--name", "cli-sched");

        Assert.Equal("rate(5 minutes)", got.GetProperty("ScheduleExpression").GetString());
        Assert.Equal("DISABLED", got.GetProperty("State").GetString());
        Assert.Contains(listed.GetProperty("Schedules").EnumerateArray(), s => s.GetProperty("Name").GetString() == "cli-sched");
        Assert.NotEqual(0, badExit);
        Assert.Contains("ValidationException", badError, StringComparison.Ordinal);
    }

    /// <summary>
    /// A provided.al2023 function whose bootstrap is a small Python program speaking the Runtime API,
    /// so this test needs no build step. It answers {"echo": event}.
    /// </summary>
    private static byte[] BootstrapZip()
    {
        const string bootstrap = """
            #!/usr/bin/env python3
            import json, os, urllib.request
            api = "http://" + os.environ["AWS_LAMBDA_RUNTIME_API"] + "/2018-06-01/runtime/invocation/"
            while True:
                with urllib.request.urlopen(api + "next") as r:
                    request_id = r.headers["Lambda-Runtime-Aws-Request-Id"]
                    event = json.loads(r.read())
                body = json.dumps({"echo": event}, separators=(",", ":")).encode()
                urllib.request.urlopen(urllib.request.Request(api + request_id + "/response", data=body, method="POST")).read()
            """;
        return AwsCli.BootstrapZip.Of(bootstrap);
    }
}
