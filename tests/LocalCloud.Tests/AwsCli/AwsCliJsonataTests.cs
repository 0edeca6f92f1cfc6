using System.Diagnostics;
using System.Text.Json;

namespace LocalCloud.Tests.AwsCli;

/// <summary>
/// A JSONata state machine using every field that takes an expression (Definitions/every-jsonata-field.asl.json),
/// driven by the real AWS CLI and by boto3: the output, the variables on the Exited events and the history are those
/// AWS documents.
/// </summary>
public sealed class AwsCliJsonataTests(AwsCliFixture cli) : IClassFixture<AwsCliFixture>
{
    private const string Expected = """{"orderId":"o-1","lines":[20,60,100],"tier":"large","rejected":"Order.large","cause":"order o-1 is large","stored":true,"paused":true,"execution":"run-1"}""";

    private static readonly string Definition = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "AwsCli", "Definitions", "every-jsonata-field.asl.json"));

    [Fact]
    public async Task EveryJsonataField_ThroughTheAwsCli_OutputVariablesAndHistoryAsAwsDocuments()
    {
        await cli.OkAsync("dynamodb", "create-table", "--table-name", "cli-jsonata", "--attribute-definitions", "AttributeName=pk,AttributeType=S",
            "--key-schema", "AttributeName=pk,KeyType=HASH", "--billing-mode", "PAY_PER_REQUEST");
        var machine = await cli.OkAsync("stepfunctions", "create-state-machine", "--name", "cli-every-jsonata-field",
            "--role-arn", "arn:aws:iam::000000000000:role/r", "--definition", Definition);
        var started = await cli.OkAsync("stepfunctions", "start-execution", "--state-machine-arn", machine.GetProperty("stateMachineArn").GetString()!,
            "--name", "run-1", "--input", """{"orderId":"o-1","rate":2,"prices":[10,30,50]}""");
        var executionArn = started.GetProperty("executionArn").GetString()!;

        await cli.Cloud.WaitForExecutionAsync(executionArn, cancellationToken: TestContext.Current.CancellationToken);
        var described = await cli.OkAsync("stepfunctions", "describe-execution", "--execution-arn", executionArn);
        var events = (await cli.OkAsync("stepfunctions", "get-execution-history", "--execution-arn", executionArn)).GetProperty("events").EnumerateArray().ToList();
        var item = await cli.OkAsync("dynamodb", "get-item", "--table-name", "cli-jsonata", "--key", """{"pk":{"S":"o-1"}}""");

        Assert.Equal("SUCCEEDED", described.GetProperty("status").GetString());
        Assert.Equal(Expected, described.GetProperty("output").GetString());
        Assert.Equal("90", item.GetProperty("Item").GetProperty("total").GetProperty("N").GetString());
        var remembered = Exited(events, "Remember");
        Assert.Equal("\"o-1\"", remembered.GetProperty("assignedVariables").GetProperty("orderId").GetString());
        Assert.Equal("2", remembered.GetProperty("assignedVariables").GetProperty("rate").GetString());
        Assert.False(remembered.GetProperty("assignedVariablesDetails").GetProperty("truncated").GetBoolean());
        Assert.Equal("[20,60,100]", Exited(events, "Price").GetProperty("assignedVariables").GetProperty("lines").GetString());
        Assert.Equal("\"large\"", Exited(events, "Route").GetProperty("assignedVariables").GetProperty("tier").GetString());
        Assert.False(Exited(events, "Until").TryGetProperty("assignedVariables", out _));
        var scheduled = events.Single(e => e.GetProperty("type").GetString() == "TaskScheduled").GetProperty("taskScheduledEventDetails");
        Assert.Equal(60, scheduled.GetProperty("timeoutInSeconds").GetInt64());
        Assert.Equal("""{"TableName":"cli-jsonata","Item":{"pk":{"S":"o-1"},"total":{"N":"90"}}}""", scheduled.GetProperty("parameters").GetString());
    }

    [Fact]
    public async Task EveryJsonataField_ThroughBoto3_SameOutput()
    {
        var python = FindOnPath("python3");
        if (python is null || !await HasBoto3Async(python))
        {
            Assert.Skip("python3 with boto3 is not installed; .ci/run installs Debian's python3-boto3.");
        }
        var script = $$"""
            import boto3, json, sys, time
            kw = dict(endpoint_url={{JsonSerializer.Serialize(cli.Cloud.Endpoint.ToString().TrimEnd('/'))}}, region_name='us-east-1', aws_access_key_id='test', aws_secret_access_key='test')
            ddb = boto3.client('dynamodb', **kw)
            try:
                ddb.create_table(TableName='cli-jsonata', AttributeDefinitions=[{'AttributeName':'pk','AttributeType':'S'}], KeySchema=[{'AttributeName':'pk','KeyType':'HASH'}], BillingMode='PAY_PER_REQUEST')
            except ddb.exceptions.ResourceInUseException:
                pass
            sfn = boto3.client('stepfunctions', **kw)
            arn = sfn.create_state_machine(name='boto3-every-jsonata-field', roleArn='arn:aws:iam::000000000000:role/r', definition=sys.stdin.read())['stateMachineArn']
            run = sfn.start_execution(stateMachineArn=arn, name='run-1', input=json.dumps({'orderId':'o-1','rate':2,'prices':[10,30,50]}))['executionArn']
            deadline = time.monotonic() + 60
            while sfn.describe_execution(executionArn=run)['status'] == 'RUNNING':
                if time.monotonic() > deadline:
                    sys.exit('the execution was still RUNNING after 60 s')
                time.sleep(0.05)
            done = sfn.describe_execution(executionArn=run)
            events = sfn.get_execution_history(executionArn=run)['events']
            route = [e for e in events if e['type'] == 'ChoiceStateExited'][0]['stateExitedEventDetails']
            print(json.dumps({'status': done['status'], 'output': done['output'], 'tier': route['assignedVariables']['tier']}))
            """;
        var start = new ProcessStartInfo(python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(Definition);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 0, error);
        var result = JsonDocument.Parse(output).RootElement;
        Assert.Equal("SUCCEEDED", result.GetProperty("status").GetString());
        Assert.Equal(Expected, result.GetProperty("output").GetString());
        Assert.Equal("\"large\"", result.GetProperty("tier").GetString());
    }

    private static JsonElement Exited(List<JsonElement> events, string state)
        => events.Last(e => e.GetProperty("type").GetString()!.EndsWith("StateExited", StringComparison.Ordinal)
            && e.GetProperty("stateExitedEventDetails").GetProperty("name").GetString() == state).GetProperty("stateExitedEventDetails");

    private static async Task<bool> HasBoto3Async(string python)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import boto3");
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return process.ExitCode == 0;
    }

    private static string? FindOnPath(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
