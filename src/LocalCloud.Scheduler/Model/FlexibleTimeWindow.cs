using LocalCloud.Scheduler.Api;
using LocalCloud.Scheduler.Api.Operations;
using LocalCloud.Scheduler.Api.Shapes;
using LocalCloud.Scheduler.Persistence;

namespace LocalCloud.Scheduler.Model;

internal sealed record FlexibleTimeWindow(string? Mode, int? MaximumWindowInMinutes);
