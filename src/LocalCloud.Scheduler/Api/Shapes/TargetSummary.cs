using LocalCloud.Scheduler.Api;
using LocalCloud.Scheduler.Api.Operations;
using LocalCloud.Scheduler.Persistence;

namespace LocalCloud.Scheduler.Api.Shapes;

internal sealed record TargetSummary(string Arn);
