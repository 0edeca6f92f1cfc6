using System.IO.Compression;
using System.Text;
using System.Text.Json;
using LocalCloud.Scheduler;

namespace LocalCloud.Tests.AwsCli;

/// <summary>
/// Lambda versions, aliases and qualifiers, a workflow calling a qualified function, and schedules whose target is a
/// state machine or a universal (aws-sdk:) target — all through the real AWS CLI (#14).
/// </summary>
public sealed class AwsCliVersionsAndTargetsTests(AwsCliFixture cli) : IClassFixture<AwsCliFixture>
{
    private const string Role = "arn:aws:iam::000000000000:role/r";

    [Fact]
    public async Task Lambda_PublishVersionCreateAliasInvokeQualifier_RunsThePublishedConfiguration()
    {
        var name = "cli-ver";
        await CreateFunctionAsync(name, "one");
        try
        {
            var published = await cli.OkAsync("lambda", "publish-version", "--function-name", name, "--description", "first");
            await cli.OkAsync("lambda", "update-function-configuration", "--function-name", name, "--environment", "Variables={STAGE=two}");
            await cli.OkAsync("lambda", "wait", "function-updated-v2", "--function-name", name);
            var alias = await cli.OkAsync("lambda", "create-alias", "--function-name", name, "--name", "live", "--function-version", "1");
            var (viaAlias, aliasPayload) = await InvokeAsync("--function-name", name, "--qualifier", "live");
            var (viaNumber, numberPayload) = await InvokeAsync("--function-name", $"{name}:1");
            var (latest, latestPayload) = await InvokeAsync("--function-name", name);
            var versions = await cli.OkAsync("lambda", "list-versions-by-function", "--function-name", name);
            var got = await cli.OkAsync("lambda", "get-alias", "--function-name", name, "--name", "live");
            var configuration = await cli.OkAsync("lambda", "get-function-configuration", "--function-name", name, "--qualifier", "1");
            await cli.OkAsync("lambda", "delete-alias", "--function-name", name, "--name", "live");
            var (missingExit, _, missingError) = await cli.RunAsync("lambda", "get-alias", "--function-name", name, "--name", "live");

            Assert.Equal("1", published.GetProperty("Version").GetString());
            Assert.Equal($"arn:aws:lambda:us-east-1:000000000000:function:{name}:1", published.GetProperty("FunctionArn").GetString());
            Assert.Equal($"arn:aws:lambda:us-east-1:000000000000:function:{name}:live", alias.GetProperty("AliasArn").GetString());
            Assert.Equal("1", viaAlias.GetProperty("ExecutedVersion").GetString());
            Assert.Equal(("one", "1"), aliasPayload);
            Assert.Equal("1", viaNumber.GetProperty("ExecutedVersion").GetString());
            Assert.Equal(("one", "1"), numberPayload);
            Assert.Equal("$LATEST", latest.GetProperty("ExecutedVersion").GetString());
            Assert.Equal(("two", "$LATEST"), latestPayload);
            Assert.Equal(["$LATEST", "1"], versions.GetProperty("Versions").EnumerateArray().Select(v => v.GetProperty("Version").GetString()));
            Assert.Equal("1", got.GetProperty("FunctionVersion").GetString());
            Assert.Equal("one", configuration.GetProperty("Environment").GetProperty("Variables").GetProperty("STAGE").GetString());
            Assert.Equal("first", configuration.GetProperty("Description").GetString());
            Assert.NotEqual(0, missingExit);
            Assert.Contains("Cannot find alias arn", missingError, StringComparison.Ordinal);
        }
        finally
        {
            await cli.RunAsync("lambda", "delete-function", "--function-name", name);
        }
    }

    [Fact]
    public async Task StepFunctions_LambdaInvokeOnAliasAndQualifiedArnResource_RunThoseVersions()
    {
        var name = "cli-sfn-ver";
        await CreateFunctionAsync(name, "one");
        try
        {
            await cli.OkAsync("lambda", "publish-version", "--function-name", name);
            await cli.OkAsync("lambda", "create-alias", "--function-name", name, "--name", "prod", "--function-version", "1");
            await cli.OkAsync("lambda", "update-function-configuration", "--function-name", name, "--environment", "Variables={STAGE=two}");
            await cli.OkAsync("lambda", "wait", "function-updated-v2", "--function-name", name);
            var definition = """
                {"StartAt":"ViaAlias","States":{
                  "ViaAlias":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                    "Parameters":{"FunctionName":"FN:prod","Payload":{}},
                    "ResultSelector":{"version.$":"$.ExecutedVersion","stage.$":"$.Payload.stage"},"ResultPath":"$.alias","Next":"ViaArn"},
                  "ViaArn":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:000000000000:function:FN:1",
                    "Parameters":{},"ResultSelector":{"stage.$":"$.stage"},"ResultPath":"$.arn","End":true}}}
                """.Replace("FN", name, StringComparison.Ordinal);
            var machine = await cli.OkAsync("stepfunctions", "create-state-machine", "--name", "cli-versions", "--definition", definition, "--role-arn", Role);
            var started = await cli.OkAsync("stepfunctions", "start-execution", "--state-machine-arn", machine.GetProperty("stateMachineArn").GetString()!, "--input", "{}");
            var ended = await cli.Cloud.WaitForExecutionAsync(started.GetProperty("executionArn").GetString()!, TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

            Assert.True(ended.Status == "SUCCEEDED", ended.Error + " " + ended.Cause);
            using var output = JsonDocument.Parse(ended.Output ?? "null");
            Assert.Equal("1", output.RootElement.GetProperty("alias").GetProperty("version").GetString());
            Assert.Equal("one", output.RootElement.GetProperty("alias").GetProperty("stage").GetString());
            Assert.Equal("one", output.RootElement.GetProperty("arn").GetProperty("stage").GetString());
        }
        finally
        {
            await cli.RunAsync("lambda", "delete-function", "--function-name", name);
        }
    }

    [Fact]
    public async Task Scheduler_StateMachineTarget_StartsAnExecutionWithTheInput()
    {
        var machine = await cli.OkAsync("stepfunctions", "create-state-machine", "--name", "cli-scheduled",
            "--definition", """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", "--role-arn", Role);
        var machineArn = machine.GetProperty("stateMachineArn").GetString()!;
        var target = JsonSerializer.Serialize(new { Arn = machineArn, RoleArn = Role, Input = """{"from":"schedule"}""" });

        // A rate schedule without StartDate fires at creation (docs/services/scheduler.md).
        var created = await cli.OkAsync("scheduler", "create-schedule", "--name", "cli-to-sfn", "--schedule-expression", "rate(1 hour)",
            "--flexible-time-window", "Mode=OFF", "--target", target);
        var firing = await SettledAsync(created.GetProperty("ScheduleArn").GetString()!);
        var executions = await cli.OkAsync("stepfunctions", "list-executions", "--state-machine-arn", machineArn);
        await cli.OkAsync("scheduler", "delete-schedule", "--name", "cli-to-sfn");

        var execution = Assert.Single(executions.GetProperty("executions").EnumerateArray());
        var ended = await cli.Cloud.WaitForExecutionAsync(execution.GetProperty("executionArn").GetString()!, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal("SUCCEEDED", ended.Status);
        Assert.Equal("""{"from":"schedule"}""", ended.Input);
        // Due time → execution start (issue #14's target is 50 ms); a loose bound here, the figure goes to the output.
        var latency = ended.StartDate - firing.DueTime;
        TestContext.Current.TestOutputHelper?.WriteLine($"schedule due → execution start: {latency.TotalMilliseconds:F1} ms");
        Assert.True(latency < TimeSpan.FromSeconds(1), $"the execution started {latency.TotalMilliseconds} ms after the schedule was due");
    }

    [Fact]
    public async Task Scheduler_UniversalDynamoDbTarget_PutsTheItem()
    {
        await cli.OkAsync("dynamodb", "create-table", "--table-name", "cli-ticks", "--attribute-definitions", "AttributeName=pk,AttributeType=S",
            "--key-schema", "AttributeName=pk,KeyType=HASH", "--billing-mode", "PAY_PER_REQUEST");
        var target = JsonSerializer.Serialize(new
        {
            Arn = "arn:aws:scheduler:::aws-sdk:dynamodb:putItem",
            RoleArn = Role,
            Input = """{"TableName":"cli-ticks","Item":{"pk":{"S":"tick"},"at":{"S":"<aws.scheduler.scheduled-time>"}}}""",
        });

        var created = await cli.OkAsync("scheduler", "create-schedule", "--name", "cli-to-ddb", "--schedule-expression", "rate(1 hour)",
            "--flexible-time-window", "Mode=OFF", "--target", target);
        await SettledAsync(created.GetProperty("ScheduleArn").GetString()!);
        var item = await cli.OkAsync("dynamodb", "get-item", "--table-name", "cli-ticks", "--key", """{"pk":{"S":"tick"}}""");
        await cli.OkAsync("scheduler", "delete-schedule", "--name", "cli-to-ddb");

        Assert.EndsWith("Z", item.GetProperty("Item").GetProperty("at").GetProperty("S").GetString(), StringComparison.Ordinal);
    }

    private async Task<ScheduleFiring> SettledAsync(string scheduleArn)
    {
        var scheduler = cli.Cloud.Server.Services.OfType<SchedulerService>().Single();
        var firing = scheduler.RecentFirings.FirstOrDefault(f => f.ScheduleArn == scheduleArn);
        Assert.NotNull(firing);
        await firing.Settled.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.True(firing.Outcome == FiringOutcome.Delivered, firing.Error);
        return firing;
    }

    private async Task CreateFunctionAsync(string name, string stage)
    {
        var zip = Path.Combine(Path.GetTempPath(), $"cli-ver-{Guid.NewGuid():N}.zip");
        File.WriteAllBytes(zip, StageZip());
        try
        {
            await cli.OkAsync("lambda", "create-function", "--function-name", name, "--runtime", "provided.al2023", "--handler", "stage",
                "--role", Role, "--zip-file", $"fileb://{zip}", "--environment", $"Variables={{STAGE={stage}}}");
            await cli.OkAsync("lambda", "wait", "function-active-v2", "--function-name", name);
        }
        finally
        {
            File.Delete(zip);
        }
    }

    private async Task<(JsonElement Response, (string? Stage, string? Version) Payload)> InvokeAsync(params string[] target)
    {
        var outFile = Path.Combine(Path.GetTempPath(), $"cli-ver-out-{Guid.NewGuid():N}.json");
        try
        {
            var response = await cli.OkAsync(["lambda", "invoke", .. target, "--payload", "{}", outFile]);
            using var payload = JsonDocument.Parse(await File.ReadAllTextAsync(outFile, TestContext.Current.CancellationToken));
            return (response, (payload.RootElement.GetProperty("stage").GetString(), payload.RootElement.GetProperty("version").GetString()));
        }
        finally
        {
            File.Delete(outFile);
        }
    }

    /// <summary>A provided.al2023 function (Python bootstrap, no build step) answering its STAGE variable and the version running.</summary>
    private static byte[] StageZip()
    {
        const string bootstrap = """
            #!/usr/bin/env python3
            import json, os, urllib.request
            api = "http://" + os.environ["AWS_LAMBDA_RUNTIME_API"] + "/2018-06-01/runtime/invocation/"
            while True:
                with urllib.request.urlopen(api + "next") as r:
                    request_id = r.headers["Lambda-Runtime-Aws-Request-Id"]
                    r.read()
                body = json.dumps({"stage": os.environ.get("STAGE"), "version": os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")}).encode()
                urllib.request.urlopen(urllib.request.Request(api + request_id + "/response", data=body, method="POST")).read()
            """;
        return BootstrapZip.Of(bootstrap);
    }
}
