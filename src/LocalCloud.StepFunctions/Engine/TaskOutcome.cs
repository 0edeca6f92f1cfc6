using LocalCloud.StepFunctions.Asl;

namespace LocalCloud.StepFunctions.Engine;

/// <summary>How an open task closed; the first close wins and later ones are refused.</summary>
public abstract record TaskOutcome
{
    public sealed record Succeeded(string Output) : TaskOutcome;

    public sealed record Failed(Failure Failure) : TaskOutcome;

    public sealed record TimedOut(Failure Failure) : TaskOutcome;

    public sealed record Aborted : TaskOutcome;
}
