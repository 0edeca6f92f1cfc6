using System.Text.Json;
using LocalCloud.Core;
using LocalCloud.StepFunctions.Ports;

namespace LocalCloud.Wiring;

/// <summary>
/// Step Functions' optimized DynamoDB tasks (arn:aws:states:::dynamodb:putItem …) call the DynamoDB service
/// through its own awsJson endpoint, in-process, so validation, conditions, capacity and usage are exactly
/// those a client sees over HTTP.
/// </summary>
internal sealed class DynamoDbTaskInvoker(IServiceEndpoint dynamoDb) : IDynamoDbInvoker
{
    private const string TargetPrefix = "DynamoDB_20120810";

    public async Task<JsonElement> InvokeAsync(string operation, JsonElement parameters, RequestContext context, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-Amz-Target"] = $"{TargetPrefix}.{operation}",
            ["Content-Type"] = "application/x-amz-json-1.0",
        };
        var request = new ServiceRequest("POST", "/", new Dictionary<string, string>(), headers, JsonSerializer.SerializeToUtf8Bytes(parameters), context);
        var response = await dynamoDb.HandleAsync(request, cancellationToken).ConfigureAwait(false);
        using var body = JsonDocument.Parse(response.Body.IsEmpty ? "{}"u8.ToArray() : response.Body);
        if (response.Status == 200)
        {
            return body.RootElement.Clone();
        }
        var type = body.RootElement.TryGetProperty("__type", out var t) ? t.GetString() ?? "InternalServerError" : "InternalServerError";
        var message = body.RootElement.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty
            : body.RootElement.TryGetProperty("Message", out var m2) ? m2.GetString() ?? string.Empty : string.Empty;
        throw new AwsServiceException(type[(type.LastIndexOf('#') + 1)..], message, response.Status);
    }
}
