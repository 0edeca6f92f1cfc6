using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Api.Shapes;

namespace LocalCloud.Lambda.Api.Operations;

internal sealed record ListTagsResponse(IReadOnlyDictionary<string, string> Tags);
