using System.Text;
using System.Text.Json;
using LocalCloud.Lambda.Tests.Infrastructure;

namespace LocalCloud.Lambda.Tests;

/// <summary>
/// AWS's standard .NET handler model, run by LocalCloud's dotnet runtime: POCOs through [LambdaSerializer],
/// ILambdaContext, the binding rules and error shapes of AWS's managed runtime, and MemorySize as the GC heap limit.
/// StandardFunction references the test-only Amazon.Lambda.Core stand-in, bound by type names as the real one is.
/// </summary>
public sealed class DotnetHandlerModelTests(LambdaFixture fixture)
{
    private const string Standard = "StandardFunction::StandardFunction.Function::";
    private readonly LambdaApi _api = fixture.Api;

    [Fact]
    public async Task Invoke_PocoHandlerWithContext_BindsThroughTheAssemblySerializerAndContext()
    {
        var name = LambdaFixture.UniqueName("checkout");
        await _api.CreateFunctionAsync(name, "", fixture.StandardZip, timeout: 30, handler: Standard + "Checkout", memorySize: 256);

        var response = await _api.InvokeAsync(name, """{"id":"o-1","quantity":3,"unitPrice":7}""", logType: "Tail");

        Assert.True(response.Status == 200 && !response.Headers.ContainsKey("X-Amz-Function-Error"), response.BodyText);
        var receipt = LambdaApi.Json(response);
        Assert.Equal("o-1", receipt.GetProperty("OrderId").GetString());
        Assert.Equal(21, receipt.GetProperty("Total").GetInt32());
        Assert.Matches("^[0-9a-f-]{36}$", receipt.GetProperty("RequestId").GetString());
        Assert.Equal(name, receipt.GetProperty("FunctionName").GetString());
        Assert.Equal("$LATEST", receipt.GetProperty("FunctionVersion").GetString());
        Assert.Equal($"arn:aws:lambda:us-east-1:000000000000:function:{name}", receipt.GetProperty("InvokedFunctionArn").GetString());
        Assert.Equal(256, receipt.GetProperty("MemoryLimitInMB").GetInt32());
        Assert.InRange(receipt.GetProperty("RemainingMs").GetDouble(), 1, 30_000);
        Assert.Equal("/aws/lambda/" + name, receipt.GetProperty("LogGroupName").GetString());
        Assert.Contains("[$LATEST]", receipt.GetProperty("LogStreamName").GetString(), StringComparison.Ordinal);
        var log = Encoding.UTF8.GetString(Convert.FromBase64String(response.Headers["X-Amz-Log-Result"]));
        Assert.Matches($@"\d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{{3}}Z\t{receipt.GetProperty("RequestId").GetString()}\tinfo\tchecking out o-1", log);
    }

    [Fact]
    public async Task Invoke_InstanceHandler_ConstructsTheTypeOncePerWorker()
    {
        var name = LambdaFixture.UniqueName("ctor-once");
        await _api.CreateFunctionAsync(name, "", fixture.StandardZip, handler: Standard + "Checkout");

        var first = LambdaApi.Json(await _api.InvokeAsync(name, """{"id":"a","quantity":1,"unitPrice":1}"""));
        var second = LambdaApi.Json(await _api.InvokeAsync(name, """{"id":"b","quantity":1,"unitPrice":1}"""));

        Assert.Equal(first.GetProperty("Instance").GetString(), second.GetProperty("Instance").GetString());
        Assert.Equal(1, second.GetProperty("Constructed").GetInt32());
        Assert.NotEqual(first.GetProperty("RequestId").GetString(), second.GetProperty("RequestId").GetString());
    }

    [Theory]
    [InlineData("Total", """{"id":"x","quantity":4,"unitPrice":5}""", "20")]
    [InlineData("NothingAtAll", "{}", "")]
    public async Task Invoke_OtherSignatures_BindAsAwsDoes(string method, string payload, string expected)
    {
        var name = LambdaFixture.UniqueName("sig");
        await _api.CreateFunctionAsync(name, "", fixture.StandardZip, handler: Standard + method);

        var response = await _api.InvokeAsync(name, payload);

        Assert.False(response.Headers.ContainsKey("X-Amz-Function-Error"), response.BodyText);
        Assert.Equal(expected, response.BodyText);
    }

    [Fact]
    public async Task Invoke_LoggerAndConsole_WriteTheManagedRuntimeLogFormat()
    {
        var name = LambdaFixture.UniqueName("logs");
        await _api.CreateFunctionAsync(name, "", fixture.StandardZip, handler: Standard + "Log");

        var response = await _api.InvokeAsync(name, "{}", logType: "Tail");

        var log = Encoding.UTF8.GetString(Convert.FromBase64String(response.Headers["X-Amz-Log-Result"]));
        Assert.Matches(@"Z\t[0-9a-f-]{36}\tinfo\tline through LogLine", log);
        Assert.Matches(@"Z\t[0-9a-f-]{36}\twarn\ta warning", log);
        Assert.Matches(@"Z\t[0-9a-f-]{36}\tinfo\tthrough Console", log);
    }

    [Fact]
    public async Task Invoke_HandlerThrows_ReportsTheExceptionAsTheDotnetRuntimeDoes()
    {
        var name = LambdaFixture.UniqueName("reject");
        await _api.CreateFunctionAsync(name, "", fixture.StandardZip, handler: Standard + "Reject");

        var response = await _api.InvokeAsync(name, """{"id":"empty","quantity":0,"unitPrice":0}""");

        Assert.Equal("Unhandled", response.Headers["X-Amz-Function-Error"]);
        var error = LambdaApi.Json(response);
        Assert.Equal("ArgumentException", error.GetProperty("errorType").GetString());
        Assert.Equal("order empty has no items (Parameter 'order')", error.GetProperty("errorMessage").GetString());
        Assert.Contains(error.GetProperty("stackTrace").EnumerateArray(), l => l.GetString()!.Contains("StandardFunction.Function.Reject", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_MethodLevelSerializer_IsUsedWhenTheAssemblyNamesNone()
    {
        var name = LambdaFixture.UniqueName("method-ser");
        await _api.CreateFunctionAsync(name, "", fixture.Zip, handler: "TestFunction::TestFunction.Bindings::MethodSerializer");

        var response = await _api.InvokeAsync(name, """{"a":"xyz","b":""}""");

        Assert.False(response.Headers.ContainsKey("X-Amz-Function-Error"), response.BodyText);
        Assert.Equal("""{"a":3,"b":0}""", response.BodyText);
    }

    public static TheoryData<string, string> UnbindableHandlers => new()
    {
        { "TestFunction::TestFunction.Bindings::PocoWithoutSerializer", "Could not find the LambdaSerializerAttribute on the assembly 'TestFunction' or method 'PocoWithoutSerializer' while attempting to deserialize input data of type 'TestFunction.Item'. To use types other than System.IO.Stream as input/output parameters, the assembly or Lambda function should be annotated with Amazon.Lambda.Core.LambdaSerializerAttribute." },
        { "TestFunction::TestFunction.Bindings::TooMany", "Method 'TooMany' of type 'TestFunction.Bindings' is not supported: the method has more than 2 parameters." },
        { "TestFunction::TestFunction.Bindings::SecondNotContext", "Method 'SecondNotContext' of type 'TestFunction.Bindings' is not supported: the method has 2 parameters, but the second parameter is not of type 'Amazon.Lambda.Core.ILambdaContext'." },
        { "TestFunction::TestFunction.Bindings::AsyncVoid", "The method 'Void AsyncVoid(System.IO.Stream)' cannot be used as a Lambda Handler because it is an 'async void' method. Handler methods cannot be 'async void'. Please specify a method that is not 'async void'." },
        { "TestFunction::TestFunction.Bindings::Missing", "Unable to find method 'Missing' in type 'TestFunction.Bindings' from assembly 'TestFunction': Found no methods matching method name 'Missing'." },
        { "TestFunction::TestFunction.Derived::Inherited", "Unable to find method 'Inherited' in type 'TestFunction.Derived' from assembly 'TestFunction': Found no methods matching method name 'Inherited'." },
        { "TestFunction::TestFunction.Nowhere::Echo", "Unable to load type 'TestFunction.Nowhere' from assembly 'TestFunction'." },
        { "Absent::TestFunction.Functions::Echo", "Could not find the specified handler assembly with the file name 'Absent'. The assembly should be located in the root of your uploaded .zip file." },
    };

    [Theory]
    [MemberData(nameof(UnbindableHandlers))]
    public async Task Invoke_HandlerAwsCannotBind_AnswersTheRuntimeValidationError(string handler, string message)
    {
        var name = LambdaFixture.UniqueName("unbound");
        await _api.CreateFunctionAsync(name, "", fixture.Zip, handler: handler);

        var response = await _api.InvokeAsync(name, "{}", logType: "Tail");

        Assert.Equal("Unhandled", response.Headers["X-Amz-Function-Error"]);
        var error = LambdaApi.Json(response);
        Assert.Equal("LambdaValidationException", error.GetProperty("errorType").GetString());
        Assert.Equal(message, error.GetProperty("errorMessage").GetString());
        var log = Encoding.UTF8.GetString(Convert.FromBase64String(response.Headers["X-Amz-Log-Result"]));
        Assert.Contains("Status: error\tError Type: LambdaValidationException", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_Overloads_AnswerAwsOverloadError()
    {
        var name = LambdaFixture.UniqueName("overload");
        await _api.CreateFunctionAsync(name, "", fixture.Zip, handler: "TestFunction::TestFunction.Bindings::Overloaded");

        var error = LambdaApi.Json(await _api.InvokeAsync(name, "{}"));

        Assert.Equal("LambdaValidationException", error.GetProperty("errorType").GetString());
        Assert.StartsWith("The method 'Overloaded' in type 'TestFunction.Bindings' appears to have a number of overloads. To call this method please specify a complete method signature. Possible candidates are:\n", error.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_BeyondMemorySize_AnswersRuntimeOutOfMemoryAndReplacesTheWorker()
    {
        var name = LambdaFixture.UniqueName("oom");
        await _api.CreateFunctionAsync(name, "", fixture.StandardZip, timeout: 60, handler: Standard + "Allocate", memorySize: 128);

        var within = await _api.InvokeAsync(name, """{"megabytes":16}""");
        var beyond = await _api.InvokeAsync(name, """{"megabytes":400}""", logType: "Tail");
        var after = await _api.InvokeAsync(name, """{"megabytes":16}""");

        Assert.Equal("16", within.BodyText);
        Assert.Equal("Unhandled", beyond.Headers["X-Amz-Function-Error"]);
        var error = LambdaApi.Json(beyond);
        Assert.Equal("Runtime.OutOfMemory", error.GetProperty("errorType").GetString());
        Assert.Matches("^RequestId: [0-9a-f-]+ Error: Runtime exited with error: signal: killed$", error.GetProperty("errorMessage").GetString());
        var log = Encoding.UTF8.GetString(Convert.FromBase64String(beyond.Headers["X-Amz-Log-Result"]));
        Assert.Contains("Status: error\tError Type: Runtime.OutOfMemory", log, StringComparison.Ordinal);
        Assert.Equal("16", after.BodyText);
        var workers = fixture.Host.Service.RecentInvocations().Where(r => r.FunctionName == name).Select(r => r.WorkerId).ToList();
        Assert.Equal(2, workers.Distinct().Count());
    }

    [Fact]
    public async Task Invoke_MemoryLimitCheckDisabled_LetsTheHeapGrowBeyondMemorySizeAsOnAws()
    {
        var name = LambdaFixture.UniqueName("no-cap");
        await _api.CreateFunctionAsync(name, "", fixture.StandardZip, timeout: 60, handler: Standard + "Allocate", memorySize: 128, variables: new() { ["AWS_LAMBDA_DOTNET_DISABLE_MEMORY_LIMIT_CHECK"] = "true" });

        var response = await _api.InvokeAsync(name, """{"megabytes":160}""");

        Assert.False(response.Headers.ContainsKey("X-Amz-Function-Error"), response.BodyText);
        Assert.Equal("160", response.BodyText);
    }
}
