namespace LocalCloud.StepFunctions.Asl.ErrorHandling;

/// <summary>One Retry entry; defaults as AWS documents them (IntervalSeconds 1, MaxAttempts 3, BackoffRate 2.0).</summary>
public sealed record Retrier(
    IReadOnlyList<string> ErrorEquals,
    int IntervalSeconds = 1,
    int MaxAttempts = 3,
    double BackoffRate = 2.0,
    int? MaxDelaySeconds = null,
    bool FullJitter = false)
{
    /// <summary>The wait before retry number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayFor(int attempt, Func<double> random)
    {
        var seconds = IntervalSeconds * Math.Pow(BackoffRate, attempt - 1);
        if (MaxDelaySeconds is { } max)
        {
            seconds = Math.Min(seconds, max);
        }
        if (FullJitter)
        {
            seconds *= random();
        }
        return TimeSpan.FromSeconds(seconds);
    }
}
