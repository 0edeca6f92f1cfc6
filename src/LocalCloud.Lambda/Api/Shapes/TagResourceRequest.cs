namespace LocalCloud.Lambda.Api.Shapes;

internal sealed record TagResourceRequest
{
    public Dictionary<string, string>? Tags { get; init; }
}
