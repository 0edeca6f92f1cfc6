using LocalCloud.Core;
using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Api.Shapes;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>
/// POST /2019-09-25/functions/{FunctionName}/event-invoke-config
/// (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionEventInvokeConfig.html): changes only the
/// members given; creates the settings when there are none.
/// </summary>
internal sealed class UpdateFunctionEventInvokeConfig(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var function = state.Require(path, request);
        var input = LambdaJson.Read<EventInvokeConfigRequest>(request);
        EventInvokeConfigMapper.Validate(input);
        var now = state.Time.GetUtcNow();
        EventInvokeSettings? settings = null;
        var stored = state.Change(function, r =>
        {
            var current = r.EventInvokeConfig;
            settings = new EventInvokeSettings(
                input.MaximumRetryAttempts ?? current?.MaximumRetryAttempts,
                input.MaximumEventAgeInSeconds ?? current?.MaximumEventAgeInSeconds,
                input.DestinationConfig?.OnSuccess?.Destination ?? current?.OnSuccess,
                input.DestinationConfig?.OnFailure?.Destination ?? current?.OnFailure,
                now);
            return r with { EventInvokeConfig = settings };
        });
        return Task.FromResult(LambdaJson.Write(200, EventInvokeConfigMapper.ToShape(stored, settings!)));
    }
}
