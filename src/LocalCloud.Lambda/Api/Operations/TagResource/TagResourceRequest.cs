
namespace LocalCloud.Lambda.Api.Operations;

internal sealed record TagResourceRequest
{
    public Dictionary<string, string>? Tags { get; init; }
}
