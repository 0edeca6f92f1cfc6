namespace JobOrchestration.Functions.Poller;

/// <summary>Counters of one sweep, turned into the <see cref="PollSummary"/> at the end.</summary>
internal sealed class SweepTally
{
    public int Checked { get; set; }

    public int Completed { get; set; }

    public int Failed { get; set; }

    public int MaxAttempts { get; set; }

    public int TimedOut { get; set; }

    public int StillPending { get; set; }

    public int Errors { get; set; }

    public PollSummary ToSummary() => new(Checked, Completed, Failed, MaxAttempts, TimedOut, StillPending, Errors);
}
