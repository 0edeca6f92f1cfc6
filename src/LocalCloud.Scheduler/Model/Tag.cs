using LocalCloud.Scheduler.Persistence;

namespace LocalCloud.Scheduler.Model;

/// <summary>A schedule group's tag (only schedule groups can be tagged, per API_TagResource).</summary>
internal sealed record Tag(string Key, string Value);
