using System.Text;
using LocalCloud.Lambda.Tests.Infrastructure;

namespace LocalCloud.Lambda.Tests;

/// <summary>
/// How LocalCloud's Node.js and Python runtime clients load handlers, with the error types and messages of AWS's
/// runtime clients (aws-lambda-nodejs-runtime-interface-client, aws-lambda-python-runtime-interface-client), and what
/// happens when the machine has no interpreter.
/// </summary>
public sealed class InterpretedRuntimeTests(LambdaFixture fixture)
{
    private readonly LambdaApi _api = fixture.Api;

    public static TheoryData<string, string, string, string, string> BadHandlers => new()
    {
        { "nodejs20.x", "index.handler", "other.js", "Runtime.ImportModuleError", "Error: Cannot find module 'index'" },
        { "nodejs20.x", "index.missing", "index.js", "Runtime.HandlerNotFound", "index.missing is undefined or not exported" },
        { "nodejs20.x", "index", "index.js", "Runtime.MalformedHandlerName", "Bad handler" },
        { "nodejs20.x", "broken.handler", "broken.js", "Runtime.UserCodeSyntaxError", "SyntaxError: " },
        { "python3.12", "lambda_function.lambda_handler", "other.py", "Runtime.ImportModuleError", "Unable to import module 'lambda_function': No module named 'lambda_function'" },
        { "python3.12", "lambda_function.missing", "lambda_function.py", "Runtime.HandlerNotFound", "Handler 'missing' missing on module 'lambda_function'" },
        { "python3.12", "lambda_function", "lambda_function.py", "Runtime.MalformedHandlerName", "Bad handler 'lambda_function': not enough values to unpack (expected 2, got 1)" },
        { "python3.12", "broken.handler", "broken.py", "Runtime.UserCodeSyntaxError", "Syntax error in module 'broken': " },
    };

    [Theory]
    [MemberData(nameof(BadHandlers))]
    public async Task Invoke_HandlerThatCannotBeLoaded_AnswersTheRuntimeClientsInitError(string runtime, string handler, string file, string errorType, string messageStart)
    {
        var source = file.StartsWith("broken", StringComparison.Ordinal) ? "this is not ( valid code" : runtime.StartsWith("node", StringComparison.Ordinal) ? "exports.handler = async () => 1;" : "def lambda_handler(event, context):\n    return 1\n";
        var name = LambdaFixture.UniqueName("badhandler");
        await _api.CreateFunctionAsync(name, "", Probes.ZipOf(new Dictionary<string, string> { [file] = source }), runtime: runtime, handler: handler);

        var response = await _api.InvokeAsync(name, "{}", logType: "Tail");

        Assert.Equal("Unhandled", response.Headers["X-Amz-Function-Error"]);
        var error = LambdaApi.Json(response);
        Assert.Equal(errorType, error.GetProperty("errorType").GetString());
        Assert.StartsWith(messageStart, error.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        var log = Encoding.UTF8.GetString(Convert.FromBase64String(response.Headers["X-Amz-Log-Result"]));
        Assert.Contains($"Status: error\tError Type: {errorType}", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_EsmPackage_LoadsJsFilesAsModulesWhenPackageJsonSaysSo()
    {
        var name = LambdaFixture.UniqueName("esm-pkg");
        var zip = Probes.ZipOf(new Dictionary<string, string>
        {
            ["package.json"] = """{"type":"module"}""",
            ["src/app.js"] = "export const handler = async (event) => ({ sum: event.a + event.b, esm: typeof require === 'undefined' });",
        });
        await _api.CreateFunctionAsync(name, "", zip, runtime: "nodejs22.x", handler: "src/app.handler");

        var response = await _api.InvokeAsync(name, """{"a":2,"b":3}""");

        Assert.Equal("""{"sum":5,"esm":true}""", response.BodyText);
    }

    [Fact]
    public async Task Invoke_PythonPackageModule_LoadsDottedAndSlashedPaths()
    {
        var name = LambdaFixture.UniqueName("py-pkg");
        var zip = Probes.ZipOf(new Dictionary<string, string>
        {
            ["app/__init__.py"] = "",
            ["app/handlers.py"] = "from app.util import double\n\ndef handle(event, context):\n    return {'doubled': double(event['n']), 'remaining': context.get_remaining_time_in_millis() > 0}\n",
            ["app/util.py"] = "def double(n):\n    return n * 2\n",
        });
        await _api.CreateFunctionAsync(name, "", zip, runtime: "python3.13", handler: "app/handlers.handle");

        var response = await _api.InvokeAsync(name, """{"n":21}""");

        Assert.Equal("""{"doubled": 42, "remaining": true}""", response.BodyText);
    }

    [Fact]
    public async Task Invoke_ResultThatIsNotJson_AnswersTheMarshalError()
    {
        var name = LambdaFixture.UniqueName("py-marshal");
        var zip = Probes.ZipOf(new Dictionary<string, string> { ["lambda_function.py"] = "def lambda_handler(event, context):\n    return {1, 2}\n" });
        await _api.CreateFunctionAsync(name, "", zip, runtime: "python3.12", handler: "lambda_function.lambda_handler");

        var error = LambdaApi.Json(await _api.InvokeAsync(name, "{}"));

        Assert.Equal("Runtime.MarshalError", error.GetProperty("errorType").GetString());
        Assert.StartsWith("Unable to marshal response: ", error.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nodejs22.x", "index.handler", "index.js", "Node.js", "Install Node.js 18.0 or newer")]
    [InlineData("python3.13", "lambda_function.lambda_handler", "lambda_function.py", "Python", "Install Python 3.9 or newer")]
    public async Task Invoke_InterpreterMissing_CreateSucceedsAndInvokeSaysWhatToInstall(string runtime, string handler, string file, string language, string advice)
    {
        await using var host = await TestHost.StartAsync(configure: o =>
        {
            o.NodeExecutable = "/nonexistent/node";
            o.PythonExecutable = "/nonexistent/python3";
        });
        var api = new LambdaApi(host.Service);
        var name = LambdaFixture.UniqueName("no-interp");
        await api.CreateFunctionAsync(name, "", Probes.ZipOf(new Dictionary<string, string> { [file] = "" }), runtime: runtime, handler: handler);

        var response = await api.InvokeAsync(name, "{}");

        Assert.Equal(200, response.Status);
        Assert.Equal("Unhandled", response.Headers["X-Amz-Function-Error"]);
        var error = LambdaApi.Json(response);
        Assert.Equal("Runtime.InvalidEntrypoint", error.GetProperty("errorType").GetString());
        var message = error.GetProperty("errorMessage").GetString()!;
        Assert.Matches("^RequestId: [0-9a-f-]+ Error: LocalCloud runs ", message);
        Assert.Contains($"with the {language} installed on this machine", message, StringComparison.Ordinal);
        Assert.Contains(advice, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_NodeFunctionBeyondMemorySize_AnswersRuntimeOutOfMemory()
    {
        var name = LambdaFixture.UniqueName("node-oom");
        var zip = Probes.ZipOf(new Dictionary<string, string>
        {
            ["index.js"] = "const held = []; exports.handler = async (e) => { for (let i = 0; i < e.mb * 8; i++) held.push(new Array(16384).fill(i)); return held.length; };",
        });
        await _api.CreateFunctionAsync(name, "", zip, timeout: 60, runtime: "nodejs20.x", handler: "index.handler", memorySize: 128);

        var response = await _api.InvokeAsync(name, """{"mb":1000}""");

        var error = LambdaApi.Json(response);
        Assert.Equal("Runtime.OutOfMemory", error.GetProperty("errorType").GetString());
        Assert.Matches("^RequestId: [0-9a-f-]+ Error: Runtime exited with error: signal: killed$", error.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task Invoke_PythonFunctionBeyondMemorySize_AnswersRuntimeOutOfMemory_AndTheNextInvokeWorks()
    {
        var name = LambdaFixture.UniqueName("python-oom");
        var zip = Probes.ZipOf(new Dictionary<string, string>
        {
            ["app.py"] = "held = []\ndef handler(event, context):\n    for _ in range(event['mb']):\n        held.append(bytearray(1024 * 1024))\n    return len(held)\n",
        });
        await _api.CreateFunctionAsync(name, "", zip, timeout: 60, runtime: "python3.12", handler: "app.handler", memorySize: 128);

        var within = await _api.InvokeAsync(name, """{"mb":64}""");
        Assert.Equal("64", within.BodyText);
        var beyond = await _api.InvokeAsync(name, """{"mb":1000}""");

        var error = LambdaApi.Json(beyond);
        Assert.Equal("Runtime.OutOfMemory", error.GetProperty("errorType").GetString());
        Assert.Matches("^RequestId: [0-9a-f-]+ Error: Runtime exited with error: signal: killed$", error.GetProperty("errorMessage").GetString());
        // The worker was replaced: module state starts again from empty.
        var after = await _api.InvokeAsync(name, """{"mb":1}""");
        Assert.Equal("1", after.BodyText);
    }
}
