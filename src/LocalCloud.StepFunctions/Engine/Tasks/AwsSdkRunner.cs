using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Ports;

namespace LocalCloud.StepFunctions.Engine.Tasks;

/// <summary>
/// arn:aws:states:::aws-sdk:&lt;service&gt;:&lt;action&gt; (request-response): the camelCase action is the API operation, the
/// PascalCase Parameters its request, the response its result. A service error is named "&lt;Service&gt;.&lt;ErrorName&gt;" in
/// PascalCase, always with the "Exception" suffix (https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html),
/// e.g. DynamoDb.ConditionalCheckFailedException. A service LocalCloud does not host fails the state with States.Runtime naming it.
/// </summary>
public sealed class AwsSdkRunner : ITaskRunner
{
    /// <summary>The error prefix of each hosted service, as AWS spells it (the SDK's service id in PascalCase).</summary>
    private static readonly Dictionary<string, string> ErrorPrefixes = new(StringComparer.Ordinal)
    {
        ["sfn"] = "Sfn",
        ["lambda"] = "Lambda",
        ["dynamodb"] = "DynamoDb",
        ["scheduler"] = "Scheduler",
    };

    public TaskHistoryDialect Dialect => TaskHistoryDialect.Task;

    public bool Runs(TaskResource resource) => resource.ResourceType.StartsWith("aws-sdk:", StringComparison.Ordinal);

    public Func<CancellationToken, Task<TaskOutcome>> Prepare(TaskResource resource, JsonNode? parameters, EngineEnvironment env, Execution execution)
    {
        var service = resource.ResourceType["aws-sdk:".Length..];
        if (env.AwsSdk is not { } sdk || !sdk.Hosts(service))
        {
            throw new StatesFailureException(StatesErrors.Runtime, UnhostedMessage(service, resource.Resource));
        }
        if (resource.Pattern != IntegrationPattern.RequestResponse)
        {
            throw new StatesFailureException(StatesErrors.Runtime,
                $"LocalCloud runs aws-sdk integrations as request-response only; '{resource.Resource}' asks for another pattern.");
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

    /// <summary>Why a Resource naming a service LocalCloud does not host cannot run (also ValidateStateMachineDefinition's warning).</summary>
    public static string UnhostedMessage(string service, string resource)
        => $"LocalCloud does not host the AWS service '{service}', so the Task resource '{resource}' cannot run (aws-sdk integrations run against sfn, lambda, dynamodb and scheduler).";

    /// <summary>Whether LocalCloud hosts <paramref name="service"/> for aws-sdk integrations.</summary>
    public static bool IsHosted(string service) => ErrorPrefixes.ContainsKey(service);

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
            var prefix = ErrorPrefixes.GetValueOrDefault(service, service);
            var name = e.ErrorCode.EndsWith("Exception", StringComparison.Ordinal) ? e.ErrorCode : e.ErrorCode + "Exception";
            // The AWS SDK for Java 2.x wording, which Step Functions puts in the cause of an aws-sdk task's failure.
            var cause = string.Create(CultureInfo.InvariantCulture,
                $"{e.Message} (Service: {prefix}, Status Code: {e.StatusCode}, Request ID: {Guid.NewGuid()})");
            return new TaskOutcome.Failed(new Failure(prefix + "." + name, cause));
        }
    }
}
