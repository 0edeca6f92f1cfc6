
namespace LocalCloud.Scheduler.Api.Shapes;

internal sealed record TargetSummary(string Arn);
