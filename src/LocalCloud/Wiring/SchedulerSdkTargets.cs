using System.Text;
using System.Text.Json;
using LocalCloud.Core;
using LocalCloud.Scheduler.Ports;

namespace LocalCloud.Wiring;

/// <summary>
/// Scheduler's state machine and universal targets call Step Functions and DynamoDB through their own awsJson
/// endpoints, in-process: StartExecution (or any other action) runs the very handler a client's request runs.
/// Lambda and Scheduler speak restJson (an HTTP route per action) and are not reachable as universal targets here.
/// </summary>
internal sealed class SchedulerSdkTargets(IServiceEndpoint stepFunctions, IServiceEndpoint dynamoDb) : ISdkTargetInvoker
{
    public bool Serves(string service) => service is "sfn" or "dynamodb";

    public async Task<string> InvokeAsync(string service, string action, string request, RequestContext context, CancellationToken cancellationToken)
    {
        var (endpoint, prefix) = service switch
        {
            "sfn" => (stepFunctions, "AWSStepFunctions"),
            "dynamodb" => (dynamoDb, "DynamoDB_20120810"),
            _ => throw new AwsServiceException("ValidationException", $"LocalCloud does not host the service '{service}' of this universal target.", 400),
        };
        // The ARN spells the action in camelCase (aws-sdk:sfn:startExecution); the wire target in PascalCase.
        var operation = char.ToUpperInvariant(action[0]) + action[1..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-Amz-Target"] = $"{prefix}.{operation}",
            ["Content-Type"] = "application/x-amz-json-1.0",
        };
        var response = await endpoint.HandleAsync(new ServiceRequest("POST", "/", new Dictionary<string, string>(), headers, Encoding.UTF8.GetBytes(request), context), cancellationToken).ConfigureAwait(false);
        var body = response.Body.IsEmpty ? "{}" : Encoding.UTF8.GetString(response.Body.Span);
        if (response.Status == 200)
        {
            return body;
        }
        string type = "InternalServerError", message = string.Empty;
        try
        {
            using var error = JsonDocument.Parse(body);
            type = error.RootElement.TryGetProperty("__type", out var t) ? t.GetString() ?? type : type;
            message = error.RootElement.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty
                : error.RootElement.TryGetProperty("Message", out var m2) ? m2.GetString() ?? string.Empty : string.Empty;
        }
        catch (JsonException)
        {
            message = body;
        }
        throw new AwsServiceException(type[(type.LastIndexOf('#') + 1)..], message, response.Status);
    }
}
