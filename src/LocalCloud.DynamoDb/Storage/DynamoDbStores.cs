using System.Collections.Concurrent;

namespace LocalCloud.DynamoDb.Storage;

/// <summary>One store per account and region, as DynamoDB scopes tables. The factory picks the backing (memory today).</summary>
internal sealed class DynamoDbStores(Func<string, string, IDynamoDbStore> factory)
{
    private readonly ConcurrentDictionary<(string Account, string Region), IDynamoDbStore> _stores = new();

    public static DynamoDbStores InMemory() => new((_, _) => new InMemoryDynamoDbStore());

    /// <summary>Every account/region store created so far (the TTL sweep walks them all).</summary>
    public IEnumerable<IDynamoDbStore> All => _stores.Values;

    public IDynamoDbStore For(string accountId, string region) => _stores.GetOrAdd((accountId, region), k => factory(k.Account, k.Region));
}
