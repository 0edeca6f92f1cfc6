namespace Poc.Cli.Monitor;

/// <summary>
/// When a schedule should fire next. GetSchedule has no such field, so it is always an estimate computed from the
/// expression (<see cref="ScheduleEstimate"/>); <see cref="Basis"/> says what it was computed from.
/// </summary>
/// <param name="At">The estimated time, or null when it cannot be estimated.</param>
/// <param name="Basis">How it was estimated, or why it was not.</param>
public sealed record NextFiring(DateTimeOffset? At, string Basis)
{
    /// <summary>No estimate, for the given reason.</summary>
    public static NextFiring None(string reason) => new(null, reason);
}
