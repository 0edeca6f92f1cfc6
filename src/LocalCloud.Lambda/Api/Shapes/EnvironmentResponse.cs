
namespace LocalCloud.Lambda.Api.Shapes;

internal sealed record EnvironmentResponse(IReadOnlyDictionary<string, string> Variables);
