using LocalCloud.DynamoDb.Api.Operations;
using LocalCloud.DynamoDb.Model;
using LocalCloud.DynamoDb.Persistence;
using LocalCloud.DynamoDb.Storage;

namespace LocalCloud.DynamoDb.TimeToLive;

/// <summary>
/// Deletes expired items of every table with TTL enabled. AWS deletes them in the background, typically
/// within two days, and until then they still show up in reads; here they go at the next sweep (the service
/// runs one every <see cref="Period"/> on its TimeProvider). As on AWS, an item expires when its TTL
/// attribute is a Number of epoch seconds not after now; any other type, or a time more than five years
/// in the past, is ignored, and the deletes consume no capacity
/// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html).
/// </summary>
internal sealed class ExpiredItemSweeper(DynamoDbStores stores, TimeProvider time)
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan Horizon = TimeSpan.FromDays(5 * 365);

    /// <summary>Returns how many items were deleted.</summary>
    public int Sweep()
    {
        var now = time.GetUtcNow();
        var deleted = 0;
        foreach (var store in stores.All)
        {
            foreach (var name in store.TableNames())
            {
                if (store.Open(name) is not { Definition.TimeToLiveAttribute: { } attribute } table)
                {
                    continue;
                }
                foreach (var item in table.All(null).Where(i => Expired(i, attribute, now)))
                {
                    var key = table.Definition.Key.Extract(item)!;
                    // Decided again inside the write: a concurrent update may have extended the item's life.
                    var write = table.Write(key, current => current is not null && Expired(current, attribute, now) ? null : current);
                    deleted += write.Old is not null && write.New is null ? 1 : 0;
                }
            }
        }
        return deleted;
    }

    private static bool Expired(Item item, string attribute, DateTimeOffset now)
    {
        if (!item.TryGetValue(attribute, out var value) || value.Type != AttributeType.N)
        {
            return false;
        }
        var expiry = value.N;
        return expiry <= DynamoNumber.FromInt(now.ToUnixTimeSeconds()) && expiry >= DynamoNumber.FromInt((now - Horizon).ToUnixTimeSeconds());
    }
}
