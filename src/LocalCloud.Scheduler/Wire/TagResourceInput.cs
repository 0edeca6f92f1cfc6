using LocalCloud.Scheduler.Model;

namespace LocalCloud.Scheduler.Wire;

internal sealed record TagResourceInput(IReadOnlyList<Tag>? Tags);
