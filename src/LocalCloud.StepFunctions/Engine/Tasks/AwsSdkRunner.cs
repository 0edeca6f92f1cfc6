using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.Core.Ports;
using LocalCloud.StepFunctions.Asl;

namespace LocalCloud.StepFunctions.Engine.Tasks;

/// <summary>
/// arn:aws:states:::aws-sdk:&lt;service&gt;:&lt;action&gt; and its .waitForTaskToken form: the camelCase action is the
/// API operation, the PascalCase Parameters its request, the SDK's response object (nothing added) the result. A
/// service error is "&lt;Service&gt;.&lt;ErrorName&gt;", both PascalCase, always ending in "Exception"
/// (https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html), e.g.
/// DynamoDb.ConditionalCheckFailedException — note "DynamoDb", where the optimized integration says "DynamoDB".
/// A service LocalCloud does not host fails the state with States.Runtime naming it.
/// </summary>
public sealed class AwsSdkRunner : ITaskRunner
{
    private const string Prefix = "aws-sdk:";

    /// <summary>
    /// The error prefix of each hosted service as Step Functions spells it: the SDK's service id without spaces, except
    /// DynamoDb and Sfn (LocalStack's AWS-recorded aws-sdk snapshots, state_task_service_aws_sdk.py).
    /// </summary>
    private static readonly Dictionary<string, string> ErrorPrefixes = new(StringComparer.Ordinal)
    {
        ["sfn"] = "Sfn",
        ["lambda"] = "Lambda",
        ["dynamodb"] = "DynamoDb",
        ["scheduler"] = "Scheduler",
    };

    public TaskHistoryDialect Dialect => TaskHistoryDialect.Task;

    public bool Runs(TaskResource resource) => resource.ResourceType.StartsWith(Prefix, StringComparison.Ordinal);

    public Func<CancellationToken, Task<TaskOutcome>> Prepare(TaskResource resource, JsonNode? parameters, EngineEnvironment env, Execution execution)
    {
        var service = resource.ResourceType[Prefix.Length..];
        if (!IsHosted(service))
        {
            throw new StatesFailureException(StatesErrors.Runtime, UnhostedMessage(service, resource.Resource));
        }
        if (env.AwsSdk is not { } sdk)
        {
            throw new StatesFailureException(StatesErrors.Runtime,
                $"This Step Functions has no AWS services connected, so '{resource.Resource}' cannot run (LocalCloud's host connects them).");
        }
        // AWS SDK integrations support request-response and .waitForTaskToken, not .sync
        // (https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html).
        if (resource.Pattern == IntegrationPattern.Sync)
        {
            throw new StatesFailureException(StatesErrors.Runtime,
                $"AWS SDK integrations run as request-response or .waitForTaskToken, never .sync: '{resource.Resource}' cannot run.");
        }
        var operation = char.ToUpperInvariant(resource.Operation[0]) + resource.Operation[1..];
        if (!sdk.HasOperation(service, operation))
        {
            throw new StatesFailureException(StatesErrors.Runtime, $"The service '{service}' has no API action '{resource.Operation}' ('{resource.Resource}').");
        }
        var request = parameters ?? new JsonObject();
        if (request is not JsonObject)
        {
            throw new StatesFailureException(StatesErrors.Runtime, $"The parameters of {resource.Resource} must be a JSON object.");
        }
        return ct => CallAsync(sdk, service, operation, request, execution.Context, ct);
    }

    /// <summary>Whether LocalCloud hosts <paramref name="service"/> (as an aws-sdk Resource names it).</summary>
    public static bool IsHosted(string service) => ErrorPrefixes.ContainsKey(service);

    /// <summary>Why a Resource naming a service LocalCloud does not host cannot run (also ValidateStateMachineDefinition's warning).</summary>
    public static string UnhostedMessage(string service, string resource)
        => $"LocalCloud does not host the AWS service '{service}', so the Task resource '{resource}' cannot run (LocalCloud hosts Step Functions, Lambda, DynamoDB and EventBridge Scheduler).";

    /// <summary>The error name of a service error, e.g. "DynamoDb.ResourceNotFoundException".</summary>
    public static string ErrorName(string service, string errorCode)
        => ErrorPrefixes.GetValueOrDefault(service, service) + "." + (errorCode.EndsWith("Exception", StringComparison.Ordinal) ? errorCode : errorCode + "Exception");

    private static async Task<TaskOutcome> CallAsync(IAwsSdkInvoker sdk, string service, string operation, JsonNode request, RequestContext context, CancellationToken ct)
    {
        using var body = JsonDocument.Parse(Events.Json(request));
        try
        {
            var response = await sdk.InvokeAsync(service, operation, body.RootElement, context, ct).ConfigureAwait(false);
            return new TaskOutcome.Succeeded(response.GetRawText());
        }
        catch (AwsServiceException e)
        {
            // The AWS SDK for Java 2.x wording of a service error, which Step Functions puts in the cause.
            var cause = string.Create(CultureInfo.InvariantCulture,
                $"{e.Message} (Service: {ErrorPrefixes[service]}, Status Code: {e.StatusCode}, Request ID: {Guid.NewGuid()})");
            return new TaskOutcome.Failed(new Failure(ErrorName(service, e.ErrorCode), cause));
        }
    }
}
