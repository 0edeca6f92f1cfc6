using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Api.Operations;

namespace LocalCloud.Lambda.Api.Shapes;

internal sealed record DestinationConfigShape(DestinationInput? OnSuccess, DestinationInput? OnFailure);
