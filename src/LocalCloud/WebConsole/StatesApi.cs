using System.Text.Json;
using LocalCloud.Core;
using LocalCloud.StepFunctions;

namespace LocalCloud.WebConsole;

/// <summary>An operation the console asked for was refused: AWS's error code and message, shown as they are.</summary>
internal sealed class ConsoleApiException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>
/// The console calls Step Functions exactly as any client does: an awsJson request handed to the service's own
/// dispatcher (in-process, no socket), so every read and every action takes the API's validation and code path.
/// </summary>
internal sealed class StatesApi(StepFunctionsService states)
{
    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public StepFunctionsService Service => states;

    public Task<JsonElement> CallAsync(string operation, object request, RequestContext context, CancellationToken ct)
        => AwsJsonCall.CallAsync(states, "AWSStepFunctions." + operation, JsonSerializer.SerializeToUtf8Bytes(request, RequestJson), context, ct);

    /// <summary>Every event, in order, through GetExecutionHistory's pages: what the page shows is what the API answers.</summary>
    public async Task<List<JsonElement>> HistoryAsync(string executionArn, RequestContext context, CancellationToken ct)
    {
        var events = new List<JsonElement>();
        string? next = null;
        do
        {
            var page = await CallAsync("GetExecutionHistory", new { executionArn, maxResults = 1000, nextToken = next }, context, ct).ConfigureAwait(false);
            events.AddRange(page.GetProperty("events").EnumerateArray());
            next = page.TryGetProperty("nextToken", out var n) ? n.GetString() : null;
        }
        while (next is not null);
        return events;
    }
}

/// <summary>One awsJson1.0 request to a service's own dispatcher, in-process; an error answer becomes <see cref="ConsoleApiException"/>.</summary>
internal static class AwsJsonCall
{
    private static readonly Dictionary<string, string> NoQuery = new(StringComparer.Ordinal);

    public static async Task<JsonElement> CallAsync(IServiceEndpoint service, string target, byte[] body, RequestContext context, CancellationToken ct)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-Amz-Target"] = target,
            ["Content-Type"] = "application/x-amz-json-1.0",
        };
        var response = await service.HandleAsync(new ServiceRequest("POST", "/", NoQuery, headers, body, context), ct).ConfigureAwait(false);
        using var document = JsonDocument.Parse(response.Body.Length == 0 ? "{}"u8.ToArray() : response.Body);
        var root = document.RootElement;
        if (response.Status != 200)
        {
            var type = root.TryGetProperty("__type", out var t) ? t.GetString() ?? "" : "";
            var message = root.TryGetProperty("message", out var m) ? m.GetString() : root.TryGetProperty("Message", out var m2) ? m2.GetString() : null;
            throw new ConsoleApiException(type[(type.LastIndexOf('#') + 1)..], message ?? $"{target} answered {response.Status}.");
        }
        return root.Clone();
    }
}
