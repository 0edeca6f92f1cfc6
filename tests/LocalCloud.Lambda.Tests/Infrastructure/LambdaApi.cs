using System.Text;
using System.Text.Json;
using LocalCloud.Core;

namespace LocalCloud.Lambda.Tests.Infrastructure;

/// <summary>Lambda API calls as restJson1 requests handed straight to the service (the wire shapes, no SDK).</summary>
public sealed class LambdaApi(LambdaService service, string accountId = RequestContext.DefaultAccountId, string region = RequestContext.DefaultRegion)
{
    public const string Role = "arn:aws:iam::000000000000:role/lambda-role";

    public static string Handler(string method) => $"TestFunction::TestFunction.Functions::{method}";

    public async Task<ServiceResponse> SendAsync(string method, string path, object? body = null, IReadOnlyDictionary<string, string>? headers = null, IReadOnlyDictionary<string, string>? query = null, byte[]? rawBody = null)
    {
        var bytes = rawBody ?? (body is null ? [] : JsonSerializer.SerializeToUtf8Bytes(body));
        var request = new ServiceRequest(
            method,
            path,
            query ?? new Dictionary<string, string>(),
            headers ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
            bytes,
            new RequestContext(accountId, region, Guid.NewGuid().ToString()));
        return await service.HandleAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<ServiceResponse> CreateAsync(object request) => SendAsync("POST", "/2015-03-31/functions", request);

    /// <summary>
    /// Creates a dotnet8 function from the test package, asserts it was created and waits until it left Pending, as
    /// a client waits with `aws lambda wait function-active-v2`. Answers CreateFunction's own response.
    /// </summary>
    public async Task<JsonElement> CreateFunctionAsync(string name, string handlerMethod, byte[] zip, int? timeout = null, Dictionary<string, string>? variables = null, string runtime = "dotnet8", string? handler = null, int? memorySize = null)
    {
        var response = await CreateAsync(new
        {
            FunctionName = name,
            Runtime = runtime,
            Role,
            Handler = handler ?? Handler(handlerMethod),
            Code = new { ZipFile = zip },
            Timeout = timeout,
            MemorySize = memorySize,
            Environment = variables is null ? null : new { Variables = variables },
        });
        Assert.True(response.Status == 201, $"CreateFunction answered {response.Status}: {response.BodyText}");
        await SettledAsync(name);
        return Json(response);
    }

    /// <summary>Waits for the function's background steps (activation, update completion) without polling.</summary>
    public Task SettledAsync(string name)
        => service.Lifecycle.WhenSettled($"arn:aws:lambda:{region}:{accountId}:function:{name}").WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

    public async Task<JsonElement> ConfigurationAsync(string name)
        => Json(await SendAsync("GET", $"/2015-03-31/functions/{Uri.EscapeDataString(name)}/configuration"));

    public Task<ServiceResponse> InvokeAsync(string functionName, string payload, string? invocationType = null, string? logType = null)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (invocationType is not null)
        {
            headers["X-Amz-Invocation-Type"] = invocationType;
        }
        if (logType is not null)
        {
            headers["X-Amz-Log-Type"] = logType;
        }
        return SendAsync("POST", $"/2015-03-31/functions/{Uri.EscapeDataString(functionName)}/invocations", headers: headers, rawBody: Encoding.UTF8.GetBytes(payload));
    }

    public static JsonElement Json(ServiceResponse response) => JsonDocument.Parse(response.Body).RootElement.Clone();
}
