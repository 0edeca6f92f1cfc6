using LocalCloud.StepFunctions.Asl;

namespace LocalCloud.StepFunctions.Engine.Tasks;

/// <summary>The one place that maps a Task state's Resource to the runner that calls it.</summary>
public sealed class TaskRunners(IReadOnlyList<ITaskRunner> runners)
{
    /// <summary>What LocalCloud runs today: Lambda (bare ARN, lambda:invoke, .waitForTaskToken) and the DynamoDB item calls.</summary>
    public static TaskRunners Default { get; } = new([new LambdaFunctionRunner(), new LambdaInvokeRunner(), new DynamoDbRunner(), new ActivityRunner(),
        new StartExecutionRunner(), new AwsSdkRunner()]);

    public (ITaskRunner Runner, TaskResource Resource) Resolve(string resource)
    {
        if (TaskResource.Parse(resource) is { } parsed && runners.FirstOrDefault(r => r.Runs(parsed)) is { } runner)
        {
            return (runner, parsed);
        }
        if (TaskResource.Parse(resource) is { } unknown && unknown.ResourceType.StartsWith("aws-sdk:", StringComparison.Ordinal) is false
            && unknown.ResourceType is not ("lambda" or "dynamodb" or "states"))
        {
            throw new StatesFailureException(StatesErrors.Runtime,
                $"LocalCloud does not host the AWS service '{unknown.ResourceType}', so the Task resource '{resource}' cannot run.");
        }
        throw new StatesFailureException(StatesErrors.Runtime,
            $"LocalCloud does not support the Task resource '{resource}' (it runs Lambda functions and dynamodb:putItem/getItem/updateItem/deleteItem).");
    }
}
