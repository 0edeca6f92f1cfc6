using LocalCloud.Scheduler.Model;

namespace LocalCloud.Scheduler.Api.Operations;

internal sealed record TagResourceInput(IReadOnlyList<Tag>? Tags);
