using LocalCloud.Scheduler.Model;

namespace LocalCloud.Scheduler.Api.Operations;

internal sealed record ListTagsForResourceOutput(IReadOnlyList<Tag> Tags);
