
namespace LocalCloud.Lambda.Api.Shapes;

/// <summary>OnSuccess / OnFailure: {"Destination": arn}.</summary>
internal sealed record DestinationInput(string? Destination);
