using LocalCloud.Core;
using LocalCloud.Core.Persistence;
using LocalCloud.Core.Ports;
using LocalCloud.Core.Protocols;
using LocalCloud.Core.Usage;
using LocalCloud.Scheduler.Api;
using LocalCloud.Scheduler.Api.Operations;
using LocalCloud.Scheduler.Engine;
using LocalCloud.Scheduler.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LocalCloud.Scheduler;

/// <summary>
/// Amazon EventBridge Scheduler (restJson1, API 2021-06-30): schedules and schedule groups, and schedules
/// that fire on the injected <see cref="TimeProvider"/> and invoke their Lambda targets.
/// </summary>
public sealed class SchedulerService : IServiceEndpoint, IAsyncDisposable
{
    private readonly RestJsonRouter _router = new();
    private readonly ScheduleStore _store;
    private readonly ScheduleRunner _runner;

    /// <param name="durable">
    /// Where schedules and groups are kept across restarts (--data): everything in it is loaded here and each
    /// schedule's timer re-armed; every change is written to it before the operation answers. Null keeps state
    /// in memory only.
    /// </param>
    /// <param name="sdk">
    /// Calls other hosted services for state machine and universal (aws-sdk:) targets; without it only Lambda targets fire.
    /// </param>
    public SchedulerService(SchedulerOptions options, TimeProvider time, ILambdaInvoker lambda, UsageMeter usage, ILogger<SchedulerService>? logger = null, IDurableStore? durable = null, Ports.ISdkTargetInvoker? sdk = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!(options.TimeScale > 0) || double.IsInfinity(options.TimeScale))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.TimeScale, "TimeScale must be a positive number.");
        }
        ILogger log = logger ?? NullLogger<SchedulerService>.Instance;
        _store = new ScheduleStore(time, durable ?? NoDurableStore.Instance);
        _runner = new ScheduleRunner(time, options.TimeScale, new TargetDelivery(time, options.TimeScale, lambda, usage, log, sdk), usage, log)
        {
            Completed = schedule =>
            {
                // ActionAfterCompletion DELETE: "EventBridge Scheduler deletes the schedule after it completes
                // invoking the target" (API_CreateSchedule). NONE keeps it, marked so a restart does not fire it again.
                if (schedule.ActionAfterCompletion == "DELETE")
                {
                    _store.RemoveIfUnchanged(schedule);
                }
                else
                {
                    _store.MarkCompletedIfUnchanged(schedule);
                }
            },
        };
        var state = new SchedulerBackend(_store, _runner, time);
        _router
            .Add("POST", "/schedules/{Name}", new CreateSchedule(state).HandleAsync)
            .Add("GET", "/schedules/{Name}", new GetSchedule(state).HandleAsync)
            .Add("PUT", "/schedules/{Name}", new UpdateSchedule(state).HandleAsync)
            .Add("DELETE", "/schedules/{Name}", new DeleteSchedule(state).HandleAsync)
            .Add("GET", "/schedules", new ListSchedules(state).HandleAsync)
            .Add("POST", "/schedule-groups/{Name}", new CreateScheduleGroup(state).HandleAsync)
            .Add("GET", "/schedule-groups/{Name}", new GetScheduleGroup(state).HandleAsync)
            .Add("DELETE", "/schedule-groups/{Name}", new DeleteScheduleGroup(state).HandleAsync)
            .Add("GET", "/schedule-groups", new ListScheduleGroups(state).HandleAsync)
            .Add("GET", "/tags/{ResourceArn}", new ListTagsForResource(state).HandleAsync)
            .Add("POST", "/tags/{ResourceArn}", new TagResource(state).HandleAsync)
            .Add("DELETE", "/tags/{ResourceArn}", new UntagResource(state).HandleAsync);
        foreach (var schedule in _store.Load())
        {
            state.Arm(schedule, ArmReason.Restored);
        }
    }

    public string Name => "scheduler";

    public IReadOnlyList<string> TargetPrefixes { get; } = [];

    public IReadOnlyList<string> PathPrefixes { get; } = ["/schedules", "/schedule-groups", "/tags"];

    /// <summary>The most recent firings (up to 200), oldest first.</summary>
    public IReadOnlyList<ScheduleFiring> RecentFirings => _runner.RecentFirings;

    /// <summary>When the schedule fires next on the host clock; null if disabled, finished or unknown.</summary>
    public DateTimeOffset? NextFiring(string scheduleArn) => _runner.NextFiring(scheduleArn);

    /// <summary>Every schedule of every account and region, with its next firing, for the monitor.</summary>
    public IReadOnlyList<ScheduleStatus> Schedules()
        => [.. _store.All().Select(s => new ScheduleStatus(s.Arn, s.GroupName, s.Name, s.ScheduleExpression, s.State, s.Target.Arn ?? "", _runner.NextFiring(s.Arn)))];

    public Task<ServiceResponse> HandleAsync(ServiceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _router.DispatchAsync(request, cancellationToken);
    }

    public ValueTask DisposeAsync() => _runner.DisposeAsync();
}
