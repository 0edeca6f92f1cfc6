
namespace LocalCloud.Lambda.Api.Shapes;

internal sealed record EnvironmentInput
{
    public Dictionary<string, string>? Variables { get; init; }
}
