using LocalCloud.Core;
using LocalCloud.Scheduler.Api.Operations;
using LocalCloud.Scheduler.Engine;
using LocalCloud.Scheduler.Expressions;
using LocalCloud.Scheduler.Model;
using LocalCloud.Scheduler.Storage;

namespace LocalCloud.Scheduler.Api;

/// <summary>What every operation handler works on: the store, the runner that fires schedules, the clock.</summary>
internal sealed class SchedulerBackend(ScheduleStore store, ScheduleRunner runner, TimeProvider time)
{
    public ScheduleStore Store { get; } = store;

    public ScheduleRunner Runner { get; } = runner;

    public TimeProvider Time { get; } = time;

    /// <summary>(Re)starts the schedule's timer; call after the change is stored, outside its lock.</summary>
    public void Arm(Schedule schedule, ArmReason reason)
    {
        // Both were validated when the schedule was stored.
        var expression = ScheduleExpressionParser.TryParse(schedule.ScheduleExpression)!;
        var zone = ScheduleInputValidator.FindZone(schedule.ScheduleExpressionTimezone);
        Runner.Arm(schedule, expression, zone, reason);
    }

    public static ServiceResponse Ok<T>(T output) => ServiceResponse.Json(200, output, SchedulerJson.Options);
}
