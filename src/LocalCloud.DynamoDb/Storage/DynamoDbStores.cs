using System.Collections.Concurrent;
using LocalCloud.Core.Persistence;
using LocalCloud.DynamoDb.Persistence;

namespace LocalCloud.DynamoDb.Storage;

/// <summary>One store per account and region, as DynamoDB scopes tables. The factory picks the backing.</summary>
internal sealed class DynamoDbStores(Func<string, string, IDynamoDbStore> factory, IDurableStore durable)
{
    private readonly ConcurrentDictionary<(string Account, string Region), IDynamoDbStore> _stores = new();

    public static DynamoDbStores InMemory() => new((_, _) => new InMemoryDynamoDbStore(), NoDurableStore.Instance);

    /// <summary>
    /// Tables in memory, written through to <paramref name="durable"/> before each operation answers, and
    /// everything it holds loaded now. Without a durable store this is exactly <see cref="InMemory"/>.
    /// </summary>
    public static DynamoDbStores Over(IDurableStore durable)
    {
        if (!durable.IsDurable)
        {
            return InMemory();
        }
        var stores = new DynamoDbStores((account, region) => new InMemoryDynamoDbStore(new DurableTables(durable, account, region)), durable);
        DurableTables.Load(durable, stores);
        return stores;
    }

    /// <summary>Where changes that must be atomic together (a transaction's items) are written in one call.</summary>
    public IDurableStore Durable { get; } = durable;

    /// <summary>Every account/region store created so far (the TTL sweep walks them all).</summary>
    public IEnumerable<IDynamoDbStore> All => _stores.Values;

    public IDynamoDbStore For(string accountId, string region) => _stores.GetOrAdd((accountId, region), k => factory(k.Account, k.Region));

    /// <summary>The account/region store if it was ever used, without creating one.</summary>
    public IDynamoDbStore? Existing(string accountId, string region) => _stores.TryGetValue((accountId, region), out var store) ? store : null;
}
