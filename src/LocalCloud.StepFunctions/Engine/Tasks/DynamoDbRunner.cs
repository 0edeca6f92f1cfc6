using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Ports;

namespace LocalCloud.StepFunctions.Engine.Tasks;

/// <summary>
/// The optimized DynamoDB item integrations (request-response only): the state's Parameters are DynamoDB's request,
/// its response is the result. DynamoDB errors are named "DynamoDB.&lt;ErrorCode&gt;", e.g. DynamoDB.ConditionalCheckFailedException
/// (https://docs.aws.amazon.com/step-functions/latest/dg/connect-ddb.html).
/// </summary>
public sealed class DynamoDbRunner : ITaskRunner
{
    private static readonly HashSet<string> Operations = new(StringComparer.Ordinal) { "putItem", "getItem", "updateItem", "deleteItem" };

    public TaskHistoryDialect Dialect => TaskHistoryDialect.Task;

    public bool Runs(TaskResource resource)
        => resource is { ResourceType: "dynamodb", Pattern: IntegrationPattern.RequestResponse } && Operations.Contains(resource.Operation);

    public Func<CancellationToken, Task<TaskOutcome>> Prepare(TaskResource resource, JsonNode? parameters, EngineEnvironment env, Execution execution)
    {
        var dynamo = env.DynamoDb ?? throw new StatesFailureException(StatesErrors.Runtime,
            $"LocalCloud's Step Functions has no DynamoDB connected, so '{resource.Resource}' cannot run.");
        var operation = char.ToUpperInvariant(resource.Operation[0]) + resource.Operation[1..];
        return ct => CallAsync(dynamo, operation, parameters, execution.Context, ct);
    }

    private static async Task<TaskOutcome> CallAsync(IDynamoDbInvoker dynamo, string operation, JsonNode? input, RequestContext context, CancellationToken cancellationToken)
    {
        if (input is not JsonObject)
        {
            return new TaskOutcome.Failed(new Failure(StatesErrors.Runtime, $"The parameters of dynamodb:{operation} must be a JSON object."));
        }
        using var request = JsonDocument.Parse(Events.Json(input));
        try
        {
            var response = await dynamo.InvokeAsync(operation, request.RootElement, context, cancellationToken).ConfigureAwait(false);
            var output = JsonNode.Parse(response.GetRawText()) as JsonObject ?? [];
            var requestId = Guid.NewGuid().ToString();
            // Step Functions' SDK-based integrations add the HTTP metadata of the call to the response object.
            output["SdkHttpMetadata"] = new JsonObject
            {
                ["AllHttpHeaders"] = new JsonObject { ["Content-Type"] = new JsonArray("application/x-amz-json-1.0"), ["x-amzn-RequestId"] = new JsonArray(requestId) },
                ["HttpHeaders"] = new JsonObject { ["Content-Type"] = "application/x-amz-json-1.0", ["x-amzn-RequestId"] = requestId },
                ["HttpStatusCode"] = 200,
            };
            output["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = requestId };
            return new TaskOutcome.Succeeded(Events.Json(output));
        }
        catch (AwsServiceException e)
        {
            var cause = string.Create(CultureInfo.InvariantCulture,
                $"{e.Message} (Service: AmazonDynamoDBv2; Status Code: {e.StatusCode}; Error Code: {e.ErrorCode}; Request ID: {Guid.NewGuid()}; Proxy: null)");
            return new TaskOutcome.Failed(new Failure("DynamoDB." + e.ErrorCode, cause));
        }
    }
}
