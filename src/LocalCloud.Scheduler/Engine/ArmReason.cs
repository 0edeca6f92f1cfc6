using LocalCloud.Scheduler.Api.Operations;

namespace LocalCloud.Scheduler.Engine;

/// <summary>Why a schedule's timer is (re)started: it decides which occurrence comes first.</summary>
internal enum ArmReason
{
    /// <summary>CreateSchedule: a rate schedule without StartDate fires at once.</summary>
    Created,

    /// <summary>UpdateSchedule: the schedule's clock restarts at the update, without an extra immediate firing.</summary>
    Updated,

    /// <summary>Loaded from the durable store after a restart: the schedule's clock goes on from where it was.</summary>
    Restored,
}
