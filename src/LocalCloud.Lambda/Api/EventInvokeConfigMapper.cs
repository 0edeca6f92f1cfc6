using System.Globalization;
using LocalCloud.Lambda;
using LocalCloud.Lambda.Api.Operations;
using LocalCloud.Lambda.Api.Shapes;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Api;

/// <summary>The event-invoke-config operations' request checks and answer shape.</summary>
internal static class EventInvokeConfigMapper
{
    public static FunctionEventInvokeConfig ToShape(FunctionRecord function, EventInvokeSettings settings) => new(
        settings.LastModified.ToUnixTimeMilliseconds() / 1000.0,
        function.FunctionArn,
        settings.MaximumRetryAttempts,
        settings.MaximumEventAgeInSeconds,
        settings.OnSuccess is null && settings.OnFailure is null
            ? null
            : new DestinationConfigShape(Destination(settings.OnSuccess), Destination(settings.OnFailure)));

    /// <summary>Model constraints: MaximumRetryAttempts 0–2, MaximumEventAgeInSeconds 60–21600, destinations ARNs.</summary>
    public static void Validate(EventInvokeConfigRequest input)
    {
        Range("maximumRetryAttempts", input.MaximumRetryAttempts, 0, 2);
        Range("maximumEventAgeInSeconds", input.MaximumEventAgeInSeconds, 60, 21_600);
        foreach (var destination in new[] { input.DestinationConfig?.OnSuccess?.Destination, input.DestinationConfig?.OnFailure?.Destination })
        {
            if (destination is not null && !destination.StartsWith("arn:", StringComparison.Ordinal))
            {
                throw LambdaErrors.InvalidParameter($"The destination ARN {destination} is invalid.");
            }
        }
    }

    public static Core.AwsServiceException NotFound(FunctionRecord function)
        => new("ResourceNotFoundException", $"The function {function.FunctionArn} doesn't have an EventInvokeConfig", 404) { ErrorType = "User" };

    private static DestinationInput? Destination(string? arn) => arn is null ? null : new DestinationInput(arn);

    private static void Range(string member, int? value, int min, int max)
    {
        if (value is not { } v)
        {
            return;
        }
        var text = v.ToString(CultureInfo.InvariantCulture);
        if (v < min)
        {
            throw LambdaErrors.Validation(member, text, $"Member must have value greater than or equal to {min}");
        }
        if (v > max)
        {
            throw LambdaErrors.Validation(member, text, $"Member must have value less than or equal to {max}");
        }
    }
}
