using System.Text.Json;
using LocalCloud.Core;
using LocalCloud.Core.Ports;
using LocalCloud.Scheduler.Ports;

namespace LocalCloud.Wiring;

/// <summary>
/// Scheduler's state machine and universal targets (arn:aws:scheduler:::aws-sdk:&lt;service&gt;:&lt;apiAction&gt;) go
/// through the same in-process SDK calls as Step Functions' aws-sdk tasks, so every action of sfn, lambda, dynamodb and
/// scheduler is a target. The Input is the action's request in the SDK's PascalCase members
/// (https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-targets-universal.html); Step Functions' camelCase
/// wire names are taken as well, since re-casing leaves them as they are.
/// </summary>
internal sealed class SchedulerSdkTargets(IAwsSdkInvoker sdk) : ISdkTargetInvoker
{
    public bool Serves(string service) => sdk.Hosts(service);

    public async Task<string> InvokeAsync(string service, string action, string request, RequestContext context, CancellationToken cancellationToken)
    {
        // The ARN spells the action in camelCase (aws-sdk:sfn:startExecution); the API operation in PascalCase.
        var operation = char.ToUpperInvariant(action[0]) + action[1..];
        if (!sdk.HasOperation(service, operation))
        {
            throw new AwsServiceException("ValidationException", $"The service '{service}' has no API action '{action}'.", 400);
        }
        JsonDocument body;
        try
        {
            body = JsonDocument.Parse(request);
        }
        catch (JsonException e)
        {
            throw new AwsServiceException("ValidationException", $"The Input of a universal target must be the action's JSON request: {e.Message}", 400);
        }
        using (body)
        {
            var response = await sdk.InvokeAsync(service, operation, body.RootElement, context, cancellationToken).ConfigureAwait(false);
            return response.GetRawText();
        }
    }
}
