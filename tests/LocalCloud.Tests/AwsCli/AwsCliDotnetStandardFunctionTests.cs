using System.Text.Json;
using LocalCloud.Testing;

namespace LocalCloud.Tests.AwsCli;

/// <summary>
/// A .NET function written in AWS's standard handler model (POCO in and out, ILambdaContext, the assembly's
/// [LambdaSerializer]) — the zip `dotnet lambda package` makes, unchanged — created and invoked with the real AWS CLI
/// and called from a Step Functions task that retries and catches its exception by the .NET runtime's errorType.
/// The function is tests/LocalCloud.Lambda.Tests/StandardFunction, built against the stand-ins in tests/Lambda.StandIns.
/// </summary>
public sealed class AwsCliDotnetStandardFunctionTests(AwsCliFixture cli) : IClassFixture<AwsCliFixture>
{
    private const string Handler = "StandardFunction::StandardFunction.Function::";

    [Fact]
    public async Task Invoke_PocoHandler_AnswersThePocoAndAHandlerExceptionAsTheDotnetRuntimeReportsIt()
    {
        await CreateAsync("cli-dotnet-checkout", Handler + "Checkout");
        await CreateAsync("cli-dotnet-reject", Handler + "Reject");

        var (receipt, checkoutMeta) = await InvokeAsync("cli-dotnet-checkout", """{"id":"o-7","quantity":3,"unitPrice":4}""");
        var (error, rejectMeta) = await InvokeAsync("cli-dotnet-reject", """{"id":"o-8","quantity":0,"unitPrice":0}""");

        Assert.False(checkoutMeta.TryGetProperty("FunctionError", out _), receipt.GetRawText());
        Assert.Equal(("o-7", 12, "cli-dotnet-checkout"),
            (receipt.GetProperty("OrderId").GetString(), receipt.GetProperty("Total").GetInt32(), receipt.GetProperty("FunctionName").GetString()));
        Assert.Equal("Unhandled", rejectMeta.GetProperty("FunctionError").GetString());
        Assert.Equal("ArgumentException", error.GetProperty("errorType").GetString());
        Assert.Equal("order o-8 has no items (Parameter 'order')", error.GetProperty("errorMessage").GetString());
        Assert.Contains(error.GetProperty("stackTrace").EnumerateArray(), l => l.GetString()!.Contains("StandardFunction.Function.Reject", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StepFunctionsTask_CallsThePocoHandler_RetriesAndCatchesItsException()
    {
        await CreateAsync("cli-dotnet-sfn-checkout", Handler + "Checkout");
        await CreateAsync("cli-dotnet-sfn-reject", Handler + "Reject");
        var machine = await cli.OkAsync("stepfunctions", "create-state-machine", "--name", "cli-dotnet-standard", "--role-arn", "arn:aws:iam::000000000000:role/r",
            "--definition", """
            {"QueryLanguage":"JSONata","StartAt":"Checkout","States":{
              "Checkout":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"FunctionName":"cli-dotnet-sfn-checkout","Payload":"{% $states.input %}"},
                "Output":"{% $states.result.Payload %}","Next":"Reject"},
              "Reject":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                "Arguments":{"FunctionName":"cli-dotnet-sfn-reject","Payload":{"id":"{% $states.input.OrderId %}","quantity":0,"unitPrice":0}},
                "Retry":[{"ErrorEquals":["ArgumentException"],"IntervalSeconds":1,"MaxAttempts":1}],
                "Catch":[{"ErrorEquals":["ArgumentException"],"Output":{"total":"{% $states.input.Total %}","error":"{% $states.errorOutput.Error %}","cause":"{% $parse($states.errorOutput.Cause) %}"},"Next":"Done"}],
                "End":true},
              "Done":{"Type":"Succeed"}}}
            """);
        var started = await cli.OkAsync("stepfunctions", "start-execution", "--state-machine-arn", machine.GetProperty("stateMachineArn").GetString()!,
            "--input", """{"id":"o-9","quantity":5,"unitPrice":6}""");
        var executionArn = started.GetProperty("executionArn").GetString()!;
        await cli.Cloud.WaitForExecutionAsync(executionArn, TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken);
        var described = await cli.OkAsync("stepfunctions", "describe-execution", "--execution-arn", executionArn);
        var events = (await cli.OkAsync("stepfunctions", "get-execution-history", "--execution-arn", executionArn)).GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("type").GetString()).ToList();

        Assert.Equal("SUCCEEDED", described.GetProperty("status").GetString());
        var output = JsonDocument.Parse(described.GetProperty("output").GetString()!).RootElement;
        Assert.Equal(30, output.GetProperty("total").GetInt32());
        Assert.Equal("ArgumentException", output.GetProperty("error").GetString());
        Assert.Equal("ArgumentException", output.GetProperty("cause").GetProperty("errorType").GetString());
        Assert.Equal("order o-9 has no items (Parameter 'order')", output.GetProperty("cause").GetProperty("errorMessage").GetString());
        // The first attempt and its one retry both failed; the Catch then took the Done path.
        Assert.Equal(2, events.Count(t => t == "TaskFailed"));
    }

    /// <summary>`aws lambda invoke`: the payload file's JSON and the CLI's own answer (StatusCode, FunctionError…).</summary>
    private async Task<(JsonElement Payload, JsonElement Meta)> InvokeAsync(string name, string payload)
    {
        var outFile = Path.Combine(Path.GetTempPath(), $"cli-{name}-{Guid.NewGuid():N}.json");
        try
        {
            var meta = await cli.OkAsync("lambda", "invoke", "--function-name", name, "--payload", payload, outFile);
            var answer = JsonDocument.Parse(await File.ReadAllTextAsync(outFile, TestContext.Current.CancellationToken)).RootElement.Clone();
            return (answer, meta);
        }
        finally
        {
            File.Delete(outFile);
        }
    }

    private async Task CreateAsync(string name, string handler)
    {
        var bytes = await FunctionPackage.GetAsync(typeof(AwsCliDotnetStandardFunctionTests).Assembly, "StandardFunctionProject");
        var zip = Path.Combine(Path.GetTempPath(), $"cli-{name}-{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(zip, bytes, TestContext.Current.CancellationToken);
        try
        {
            await cli.OkAsync("lambda", "create-function", "--function-name", name, "--runtime", "dotnet8", "--handler", handler,
                "--role", "arn:aws:iam::000000000000:role/r", "--timeout", "30", "--zip-file", $"fileb://{zip}");
            await cli.OkAsync("lambda", "wait", "function-active-v2", "--function-name", name);
        }
        finally
        {
            File.Delete(zip);
        }
    }
}
