namespace LocalCloud.Lambda.Api.Operations;

internal sealed record PublishVersionRequest
{
    public string? CodeSha256 { get; init; }
    public string? Description { get; init; }
    public string? RevisionId { get; init; }
}
