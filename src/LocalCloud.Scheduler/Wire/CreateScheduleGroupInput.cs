using LocalCloud.Scheduler.Model;

namespace LocalCloud.Scheduler.Wire;

internal sealed record CreateScheduleGroupInput(string? ClientToken, IReadOnlyList<Tag>? Tags);
