using System.Text;
using System.Text.Json.Nodes;
using LocalCloud.Core;

namespace LocalCloud.Benchmarks.Engine;

/// <summary>Calls an awsJson service in-process, exactly as the HTTP host would hand it a request, minus the socket.</summary>
public sealed class InProcessCaller(IServiceEndpoint service, string targetPrefix)
{
    private static readonly RequestContext Context = new("000000000000", "us-east-1", "bench");
    private static readonly IReadOnlyDictionary<string, string> NoQuery = new Dictionary<string, string>();

    public async Task<JsonObject> CallAsync(string operation, JsonObject body, CancellationToken ct)
    {
        var response = await service.HandleAsync(Request(operation, body), ct);
        var text = Encoding.UTF8.GetString(response.Body.Span);
        return response.Status == 200
            ? (JsonNode.Parse(text.Length == 0 ? "{}" : text)?.AsObject() ?? [])
            : throw new InvalidOperationException($"{operation} answered {response.Status}: {text}");
    }

    /// <summary>CreateStateMachine with the bench role; returns the machine's ARN.</summary>
    public async Task<string> CreateStateMachineAsync(string name, string definition, CancellationToken ct)
        => (await CallAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = name,
            ["definition"] = definition,
            ["roleArn"] = "arn:aws:iam::000000000000:role/bench",
        }, ct))["stateMachineArn"]!.GetValue<string>();

    public ServiceRequest Request(string operation, JsonObject body)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-Amz-Target"] = targetPrefix + "." + operation,
            ["Content-Type"] = "application/x-amz-json-1.0",
        };
        return new ServiceRequest("POST", "/", NoQuery, headers, Encoding.UTF8.GetBytes(body.ToJsonString()), Context);
    }
}
