
namespace LocalCloud.Lambda.Api.Shapes;

internal sealed record DestinationConfigShape(DestinationInput? OnSuccess, DestinationInput? OnFailure);
