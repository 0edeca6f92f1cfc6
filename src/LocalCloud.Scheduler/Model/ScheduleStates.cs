
namespace LocalCloud.Scheduler.Model;

internal static class ScheduleStates
{
    public const string Enabled = "ENABLED";
    public const string Disabled = "DISABLED";
}
