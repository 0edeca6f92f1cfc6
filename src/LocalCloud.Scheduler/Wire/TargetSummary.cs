namespace LocalCloud.Scheduler.Wire;

internal sealed record TargetSummary(string Arn);
