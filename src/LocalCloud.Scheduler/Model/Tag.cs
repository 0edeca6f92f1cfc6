using LocalCloud.Scheduler.Api;
using LocalCloud.Scheduler.Api.Operations;
using LocalCloud.Scheduler.Api.Shapes;
using LocalCloud.Scheduler.Persistence;

namespace LocalCloud.Scheduler.Model;

/// <summary>A schedule group's tag (only schedule groups can be tagged, per API_TagResource).</summary>
internal sealed record Tag(string Key, string Value);
