namespace LocalCloud.StepFunctions.Engine.Tasks;

/// <summary>
/// Which integration a Task's Resource names: a bare Lambda function ARN (history LambdaFunction*),
/// the optimized arn:aws:states:::lambda:invoke (history Task*), its .waitForTaskToken form, or an optimized DynamoDB item call.
/// </summary>
public sealed record TaskResource(TaskResourceKind Kind, string Resource, string ResourceType, string Action)
{
    public static TaskResource Parse(string resource)
    {
        if (resource.StartsWith("arn:aws:lambda:", StringComparison.Ordinal) && resource.Contains(":function:", StringComparison.Ordinal))
        {
            return new(TaskResourceKind.LambdaFunction, resource, "lambda", resource);
        }
        const string dynamo = "arn:aws:states:::dynamodb:";
        if (resource.StartsWith(dynamo, StringComparison.Ordinal) && resource[dynamo.Length..] is "putItem" or "getItem" or "updateItem" or "deleteItem")
        {
            return new(TaskResourceKind.DynamoDb, resource, "dynamodb", resource[dynamo.Length..]);
        }
        return resource switch
        {
            "arn:aws:states:::lambda:invoke" => new(TaskResourceKind.LambdaInvoke, resource, "lambda", "invoke"),
            "arn:aws:states:::lambda:invoke.waitForTaskToken" => new(TaskResourceKind.LambdaInvokeCallback, resource, "lambda", "invoke.waitForTaskToken"),
            _ => new(TaskResourceKind.Unsupported, resource, string.Empty, string.Empty),
        };
    }
}

public enum TaskResourceKind
{
    Unsupported,
    LambdaFunction,
    LambdaInvoke,
    LambdaInvokeCallback,
    DynamoDb,
}
