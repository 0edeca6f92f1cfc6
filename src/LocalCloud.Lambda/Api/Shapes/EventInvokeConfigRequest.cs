using LocalCloud.Lambda.Api.Operations;

namespace LocalCloud.Lambda.Api.Shapes;

/// <summary>The body of PutFunctionEventInvokeConfig and UpdateFunctionEventInvokeConfig.</summary>
internal sealed record EventInvokeConfigRequest
{
    public int? MaximumRetryAttempts { get; init; }
    public int? MaximumEventAgeInSeconds { get; init; }
    public DestinationConfigShape? DestinationConfig { get; init; }
}
