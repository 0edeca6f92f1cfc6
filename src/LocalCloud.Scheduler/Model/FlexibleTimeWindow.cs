
namespace LocalCloud.Scheduler.Model;

internal sealed record FlexibleTimeWindow(string? Mode, int? MaximumWindowInMinutes);
