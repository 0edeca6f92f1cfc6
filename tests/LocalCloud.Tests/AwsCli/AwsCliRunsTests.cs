using System.Diagnostics;
using System.Text.Json;

namespace LocalCloud.Tests.AwsCli;

/// <summary>Redrive, Distributed Map runs and Express sync executions through the real AWS CLI and boto3.</summary>
public sealed class AwsCliRunsTests(AwsCliFixture cli) : IClassFixture<AwsCliFixture>
{
    private const string Role = "arn:aws:iam::000000000000:role/r";

    [Fact]
    public async Task Cli_RedriveExecution_FailedOnceThenSucceeds()
    {
        // Check fails on the first attempt (item -1 of a one-item array) and succeeds once redriven (item 0): it reads $$.Execution.RedriveCount.
        const string definition = """
            {"StartAt":"Ready","States":{
              "Ready":{"Type":"Pass","Next":"Check"},
              "Check":{"Type":"Pass","Parameters":{"v.$":"States.ArrayGetItem(States.Array('ok'), States.MathAdd($$.Execution.RedriveCount, -1))"},"End":true}}}
            """;
        var machine = (await cli.OkAsync("stepfunctions", "create-state-machine", "--name", "cli-redrive", "--role-arn", Role, "--definition", definition))
            .GetProperty("stateMachineArn").GetString()!;
        var executionArn = (await cli.OkAsync("stepfunctions", "start-execution", "--state-machine-arn", machine)).GetProperty("executionArn").GetString()!;
        var failed = await cli.Cloud.WaitForExecutionAsync(executionArn, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("FAILED", failed.Status.ToString());

        var redriven = await cli.OkAsync("stepfunctions", "redrive-execution", "--execution-arn", executionArn);
        Assert.True(redriven.TryGetProperty("redriveDate", out _));
        await cli.Cloud.WaitForExecutionAsync(executionArn, cancellationToken: TestContext.Current.CancellationToken);
        var described = await cli.OkAsync("stepfunctions", "describe-execution", "--execution-arn", executionArn);
        var listed = await cli.OkAsync("stepfunctions", "list-executions", "--state-machine-arn", machine, "--redrive-filter", "REDRIVEN");
        var history = await cli.OkAsync("stepfunctions", "get-execution-history", "--execution-arn", executionArn);
        var (exit, _, error) = await cli.RunAsync("stepfunctions", "redrive-execution", "--execution-arn", executionArn);

        Assert.Equal("SUCCEEDED", described.GetProperty("status").GetString());
        Assert.Equal(1, described.GetProperty("redriveCount").GetInt32());
        Assert.Equal("NOT_REDRIVABLE", described.GetProperty("redriveStatus").GetString());
        Assert.Equal(executionArn, Assert.Single(listed.GetProperty("executions").EnumerateArray()).GetProperty("executionArn").GetString());
        var types = history.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(1, types.Count(t => t == "ExecutionRedriven"));
        var entered = history.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "PassStateEntered")
            .Select(e => e.GetProperty("stateEnteredEventDetails").GetProperty("name").GetString()).ToList();
        Assert.Equal(["Ready", "Check", "Check"], entered);
        Assert.Equal("""{"v":"ok"}""", described.GetProperty("output").GetString());
        Assert.NotEqual(0, exit);
        Assert.Contains("ExecutionNotRedrivable", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_DistributedMap_MapRunListedDescribedAndItsChildren()
    {
        const string definition = """
            {"StartAt":"M","States":{"M":{"Type":"Map","Label":"Batches","ItemsPath":"$.items","MaxConcurrency":2,
              "ItemBatcher":{"MaxItemsPerBatch":2},
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},
                "StartAt":"Count","States":{"Count":{"Type":"Pass","Parameters":{"n.$":"States.ArrayLength($.Items)"},"End":true}}},
              "End":true}}}
            """;
        var machine = (await cli.OkAsync("stepfunctions", "create-state-machine", "--name", "cli-distributed", "--role-arn", Role, "--definition", definition))
            .GetProperty("stateMachineArn").GetString()!;
        var executionArn = (await cli.OkAsync("stepfunctions", "start-execution", "--state-machine-arn", machine, "--input", """{"items":[1,2,3,4,5]}"""))
            .GetProperty("executionArn").GetString()!;
        var done = await cli.Cloud.WaitForExecutionAsync(executionArn, cancellationToken: TestContext.Current.CancellationToken);

        var runs = await cli.OkAsync("stepfunctions", "list-map-runs", "--execution-arn", executionArn);
        var mapRunArn = Assert.Single(runs.GetProperty("mapRuns").EnumerateArray()).GetProperty("mapRunArn").GetString()!;
        var described = await cli.OkAsync("stepfunctions", "describe-map-run", "--map-run-arn", mapRunArn);
        var children = await cli.OkAsync("stepfunctions", "list-executions", "--map-run-arn", mapRunArn);

        Assert.Equal("""[{"n":2},{"n":2},{"n":1}]""", done.Output);
        Assert.Contains(":mapRun:cli-distributed/Batches:", mapRunArn, StringComparison.Ordinal);
        Assert.Equal("SUCCEEDED", described.GetProperty("status").GetString());
        Assert.Equal(5, described.GetProperty("itemCounts").GetProperty("total").GetInt64());
        Assert.Equal(3, described.GetProperty("executionCounts").GetProperty("succeeded").GetInt64());
        Assert.Equal(2, described.GetProperty("maxConcurrency").GetInt32());
        Assert.Equal(3, children.GetProperty("executions").GetArrayLength());

        var (exit, _, error) = await cli.RunAsync("stepfunctions", "create-state-machine", "--name", "cli-reader", "--role-arn", Role, "--definition",
            definition.Replace("\"ItemBatcher\"", "\"ItemReader\":{\"Resource\":\"arn:aws:states:::s3:getObject\",\"Parameters\":{\"Bucket\":\"b\",\"Key\":\"k\"}},\"ItemBatcher\"", StringComparison.Ordinal));
        Assert.NotEqual(0, exit);
        Assert.Contains("LocalCloud does not host", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Boto3_StartSyncExecution_ExpressAnswersWithItsResult()
    {
        var machine = (await cli.OkAsync("stepfunctions", "create-state-machine", "--name", "boto3-express", "--role-arn", Role, "--type", "EXPRESS",
            "--definition", """{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"doubled.$":"States.MathAdd($.n, $.n)"},"End":true}}}"""))
            .GetProperty("stateMachineArn").GetString()!;
        // botocore sends StartSyncExecution to the "sync-" host prefix; against one local port that prefix must be turned off.
        var script = $$"""
            import boto3, json
            from botocore.config import Config
            sfn = boto3.client("stepfunctions", endpoint_url="{{cli.Cloud.Endpoint.ToString().TrimEnd('/')}}", region_name="{{cli.Cloud.Region}}",
                aws_access_key_id="{{cli.Cloud.Credentials.AccessKeyId}}", aws_secret_access_key="{{cli.Cloud.Credentials.SecretAccessKey}}",
                config=Config(inject_host_prefix=False))
            ok = sfn.start_sync_execution(stateMachineArn="{{machine}}", input=json.dumps({"n": 21}))
            try:
                sfn.list_executions(stateMachineArn="{{machine}}")
                listed = "listed"
            except sfn.exceptions.StateMachineTypeNotSupported:
                listed = "StateMachineTypeNotSupported"
            print(json.dumps({"status": ok["status"], "output": ok["output"], "arn": ok["executionArn"],
                "billed": ok["billingDetails"]["billedDurationInMilliseconds"], "listed": listed}))
            """;
        var result = await Boto3Script.RunAsync(script);

        Assert.Equal("SUCCEEDED", result.GetProperty("status").GetString());
        Assert.Equal("""{"doubled":42}""", result.GetProperty("output").GetString());
        Assert.Contains(":express:boto3-express:", result.GetProperty("arn").GetString(), StringComparison.Ordinal);
        Assert.True(result.GetProperty("billed").GetInt64() >= 100);
        Assert.Equal("StateMachineTypeNotSupported", result.GetProperty("listed").GetString());
    }
}
