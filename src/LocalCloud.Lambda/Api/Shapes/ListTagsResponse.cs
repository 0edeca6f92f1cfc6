namespace LocalCloud.Lambda.Api.Shapes;

internal sealed record ListTagsResponse(IReadOnlyDictionary<string, string> Tags);
