
namespace LocalCloud.Lambda.Api.Operations;

internal sealed record ListTagsResponse(IReadOnlyDictionary<string, string> Tags);
