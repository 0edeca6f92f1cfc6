using System.Text.Json;

namespace LocalCloud.Scheduler.Wire;

internal sealed record CreateScheduleGroupInput(string? ClientToken, IReadOnlyList<JsonElement>? Tags);
