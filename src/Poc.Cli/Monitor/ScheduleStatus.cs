namespace Poc.Cli.Monitor;

/// <summary>poc-poller-schedule as GetSchedule describes it, with an estimate of its next firing.</summary>
/// <param name="Name">The schedule's name.</param>
/// <param name="Exists">False when it is not deployed.</param>
/// <param name="State">ENABLED or DISABLED.</param>
/// <param name="Expression">rate(…), cron(…) or at(…).</param>
/// <param name="Next">The estimated next firing, or why there is none.</param>
public sealed record ScheduleStatus(string Name, bool Exists, string? State, string? Expression, NextFiring Next)
{
    /// <summary>Times LocalCloud fired it (usage "scheduler"/"Invocations"); null elsewhere.</summary>
    public double? Fired { get; init; }

    /// <summary>Target errors LocalCloud counted for it (usage "scheduler"/"TargetErrorCount"); null elsewhere.</summary>
    public double? TargetErrors { get; init; }

    /// <summary>A schedule that is not there.</summary>
    public static ScheduleStatus Missing(string name) => new(name, false, null, null, NextFiring.None("not deployed"));
}
