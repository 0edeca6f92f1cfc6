using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Api.Operations;

namespace LocalCloud.Lambda.Api.Shapes;

internal sealed record EnvironmentResponse(IReadOnlyDictionary<string, string> Variables);
