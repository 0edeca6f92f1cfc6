namespace LocalCloud.Core.Persistence;

/// <summary>One stored record: its key within the collection and its value, usually JSON.</summary>
public sealed record DurableRecord(string Key, string Value);
