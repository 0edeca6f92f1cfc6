using System.Text.Json;
using LocalCloud.Core;

namespace LocalCloud.StepFunctions.Ports;

/// <summary>
/// How the optimized DynamoDB integrations (arn:aws:states:::dynamodb:putItem|getItem|updateItem|deleteItem)
/// reach DynamoDB in-process. The host adapts it over the DynamoDB service.
/// </summary>
public interface IDynamoDbInvoker
{
    /// <summary>
    /// Calls one DynamoDB API operation (<paramref name="operation"/> is its API name: "PutItem", "GetItem",
    /// "UpdateItem", "DeleteItem") with the request JSON the state built (DynamoDB's own wire shape) and returns
    /// DynamoDB's response JSON. A DynamoDB error is thrown as <see cref="AwsServiceException"/> carrying its error code.
    /// </summary>
    Task<JsonElement> InvokeAsync(string operation, JsonElement parameters, RequestContext context, CancellationToken cancellationToken);
}
