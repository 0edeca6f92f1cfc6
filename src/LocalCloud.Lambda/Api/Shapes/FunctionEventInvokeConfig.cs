
namespace LocalCloud.Lambda.Api.Shapes;

/// <summary>FunctionEventInvokeConfig; LastModified is a timestamp, which restJson1 writes as epoch seconds.</summary>
internal sealed record FunctionEventInvokeConfig(double LastModified, string FunctionArn, int? MaximumRetryAttempts, int? MaximumEventAgeInSeconds, DestinationConfigShape? DestinationConfig);
