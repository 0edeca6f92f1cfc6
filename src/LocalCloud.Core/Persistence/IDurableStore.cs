namespace LocalCloud.Core.Persistence;

/// <summary>
/// Where a service keeps what must survive a crash: named collections of key → text (JSON) records.
/// <see cref="Write"/> is atomic and durable when it returns, and services call it before they answer
/// the request that caused it, so nothing acknowledged to a client is lost on <c>kill -9</c>.
/// </summary>
public interface IDurableStore
{
    /// <summary>False for the in-memory default: services can skip serialising what nobody will read back.</summary>
    bool IsDurable { get; }

    /// <summary>Every record of a collection, ordered by key (ordinal), as last written.</summary>
    IReadOnlyList<DurableRecord> Load(string collection);

    /// <summary>Applies all changes or none (a DynamoDB transaction, an item plus its index entry).</summary>
    void Write(IReadOnlyList<DurableChange> changes);
}
