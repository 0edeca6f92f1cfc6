using LocalCloud.Scheduler.Model;

namespace LocalCloud.Scheduler.Api.Operations;

internal sealed record CreateScheduleGroupInput(string? ClientToken, IReadOnlyList<Tag>? Tags);
