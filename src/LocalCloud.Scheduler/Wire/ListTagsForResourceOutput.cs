using LocalCloud.Scheduler.Model;

namespace LocalCloud.Scheduler.Wire;

internal sealed record ListTagsForResourceOutput(IReadOnlyList<Tag> Tags);
