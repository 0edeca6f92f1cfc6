using LocalCloud.Scheduler.Api;
using LocalCloud.Scheduler.Api.Operations;
using LocalCloud.Scheduler.Api.Shapes;
using LocalCloud.Scheduler.Persistence;

namespace LocalCloud.Scheduler.Model;

internal static class ScheduleStates
{
    public const string Enabled = "ENABLED";
    public const string Disabled = "DISABLED";
}
