using LocalCloud.Scheduler.Api;
using LocalCloud.Scheduler.Api.Shapes;
using LocalCloud.Scheduler.Model;
using LocalCloud.Scheduler.Persistence;

namespace LocalCloud.Scheduler.Api.Operations;

internal sealed record ListTagsForResourceOutput(IReadOnlyList<Tag> Tags);
