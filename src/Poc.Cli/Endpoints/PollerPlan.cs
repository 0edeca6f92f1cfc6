using Poc.Cli.Cli;

namespace Poc.Cli.Endpoints;

/// <summary>How often the poller sweeps during a run, who makes it sweep, and how long the run may take.</summary>
/// <param name="IntervalSeconds">Seconds between sweeps; the scenarios' timeouts are multiples of it.</param>
/// <param name="TriggerPoller">True when poc invokes poc-poller itself every interval.</param>
/// <param name="Timeout">How long poc waits for a run's executions.</param>
public sealed record PollerPlan(double IntervalSeconds, bool TriggerPoller, TimeSpan Timeout)
{
    /// <summary>The schedule's rate on AWS.</summary>
    public const double ScheduleSeconds = 60;

    /// <summary>The interval when poc triggers the poller: short, so poc test stays under two minutes anywhere.</summary>
    public const double TriggeredIntervalSeconds = 5;

    /// <summary>The interval as a TimeSpan.</summary>
    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);

    /// <summary>
    /// The defaults: on LocalCloud whose time scale is known the schedule fires every 60 × scale seconds; everywhere
    /// else (AWS: once a minute at best; LocalStack: never) poc triggers the poller every 5 s. Explicit options win.
    /// </summary>
    public static PollerPlan Resolve(PollerArgs args, EndpointKind kind, double? scheduleTimeScale)
    {
        ArgumentNullException.ThrowIfNull(args);
        var scheduleFiresFast = kind == EndpointKind.LocalCloud && scheduleTimeScale is not null;
        var trigger = args.TriggerPoller ?? !scheduleFiresFast;
        var interval = args.PollIntervalSeconds
                       ?? (scheduleFiresFast && !trigger ? ScheduleSeconds * scheduleTimeScale!.Value
                           : trigger ? TriggeredIntervalSeconds
                           : ScheduleSeconds);
        var timeout = args.TimeoutSeconds is { } t ? TimeSpan.FromSeconds(t) : TimeSpan.FromSeconds((interval * 12) + 30);
        return new PollerPlan(interval, trigger, timeout);
    }
}
