using LocalCloud.Core;
using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Api.Shapes;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>
/// PUT /2019-09-25/functions/{FunctionName}/event-invoke-config
/// (https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionEventInvokeConfig.html): replaces the settings
/// whole; members left out go back to their defaults. Applies to events already queued from their next attempt.
/// </summary>
internal sealed class PutFunctionEventInvokeConfig(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var function = state.Require(path, request);
        var input = LambdaJson.Read<EventInvokeConfigRequest>(request);
        EventInvokeConfigMapper.Validate(input);
        var settings = new EventInvokeSettings(
            input.MaximumRetryAttempts,
            input.MaximumEventAgeInSeconds,
            input.DestinationConfig?.OnSuccess?.Destination,
            input.DestinationConfig?.OnFailure?.Destination,
            state.Time.GetUtcNow());
        var stored = state.Change(function, r => r with { EventInvokeConfig = settings });
        return Task.FromResult(LambdaJson.Write(200, EventInvokeConfigMapper.ToShape(stored, settings)));
    }
}
