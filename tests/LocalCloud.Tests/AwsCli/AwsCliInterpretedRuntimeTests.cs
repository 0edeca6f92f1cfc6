using System.IO.Compression;
using System.Text;

namespace LocalCloud.Tests.AwsCli;

/// <summary>
/// Node.js and Python functions, unchanged from what runs on AWS, created and invoked with the real AWS CLI and called
/// from a Step Functions task: the Node result flows on, the Python function's exception is retried and caught by its
/// error type as AWS's Lambda integration reports it.
/// </summary>
public sealed class AwsCliInterpretedRuntimeTests(AwsCliFixture cli) : IClassFixture<AwsCliFixture>
{
    private const string NodeHandler = """
        export const handler = async (event, context) => ({ total: event.items.reduce((a, b) => a + b, 0), fn: context.functionName });
        """;

    private const string PythonHandler = """
        class OrderRejected(Exception):
            pass

        def lambda_handler(event, context):
            raise OrderRejected("order " + event["orderId"] + " over the limit")
        """;

    [Fact]
    public async Task NodeAndPythonFunctions_FromAStepFunctionsTask_ResultAndCaughtErrorAsOnAws()
    {
        await CreateAsync("cli-node-total", "nodejs22.x", "index.handler", "index.mjs", NodeHandler);
        await CreateAsync("cli-python-reject", "python3.12", "lambda_function.lambda_handler", "lambda_function.py", PythonHandler);
        var outFile = Path.Combine(Path.GetTempPath(), $"cli-node-{Guid.NewGuid():N}.json");
        await cli.OkAsync("lambda", "invoke", "--function-name", "cli-node-total", "--payload", """{"items":[1,2,3]}""", outFile);
        var direct = await File.ReadAllTextAsync(outFile, TestContext.Current.CancellationToken);
        File.Delete(outFile);

        var machine = await cli.OkAsync("stepfunctions", "create-state-machine", "--name", "cli-node-python", "--role-arn", "arn:aws:iam::000000000000:role/r",
            "--definition", """
            {"QueryLanguage":"JSONata","StartAt":"Total","States":{
              "Total":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"FunctionName":"cli-node-total","Payload":"{% $states.input %}"},
                "Output":"{% $states.result.Payload %}","Next":"Check"},
              "Check":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"FunctionName":"cli-python-reject","Payload":{"orderId":"o-9"}},
                "Retry":[{"ErrorEquals":["OrderRejected"],"IntervalSeconds":1,"MaxAttempts":1}],
                "Catch":[{"ErrorEquals":["OrderRejected"],"Output":{"total":"{% $states.input.total %}","error":"{% $states.errorOutput.Error %}","cause":"{% $parse($states.errorOutput.Cause) %}"},"Next":"Done"}],
                "End":true},
              "Done":{"Type":"Succeed"}}}
            """);
        var started = await cli.OkAsync("stepfunctions", "start-execution", "--state-machine-arn", machine.GetProperty("stateMachineArn").GetString()!,
            "--input", """{"items":[4,5,6]}""");
        var executionArn = started.GetProperty("executionArn").GetString()!;
        await cli.Cloud.WaitForExecutionAsync(executionArn, TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken);
        var described = await cli.OkAsync("stepfunctions", "describe-execution", "--execution-arn", executionArn);
        var events = (await cli.OkAsync("stepfunctions", "get-execution-history", "--execution-arn", executionArn)).GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("type").GetString()).ToList();

        Assert.Equal("""{"total":6,"fn":"cli-node-total"}""", direct.Trim());
        Assert.Equal("SUCCEEDED", described.GetProperty("status").GetString());
        var output = System.Text.Json.JsonDocument.Parse(described.GetProperty("output").GetString()!).RootElement;
        Assert.Equal(15, output.GetProperty("total").GetInt32());
        Assert.Equal("OrderRejected", output.GetProperty("error").GetString());
        Assert.Equal("OrderRejected", output.GetProperty("cause").GetProperty("errorType").GetString());
        Assert.Equal("order o-9 over the limit", output.GetProperty("cause").GetProperty("errorMessage").GetString());
        Assert.Equal(2, events.Count(t => t == "TaskFailed"));
    }

    private async Task CreateAsync(string name, string runtime, string handler, string file, string source)
    {
        var zip = Path.Combine(Path.GetTempPath(), $"cli-{name}-{Guid.NewGuid():N}.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            await using var entry = await archive.CreateEntry(file).OpenAsync(TestContext.Current.CancellationToken);
            await entry.WriteAsync(Encoding.UTF8.GetBytes(source), TestContext.Current.CancellationToken);
        }
        try
        {
            await cli.OkAsync("lambda", "create-function", "--function-name", name, "--runtime", runtime, "--handler", handler,
                "--role", "arn:aws:iam::000000000000:role/r", "--zip-file", $"fileb://{zip}");
            await cli.OkAsync("lambda", "wait", "function-active-v2", "--function-name", name);
        }
        finally
        {
            File.Delete(zip);
        }
    }
}
