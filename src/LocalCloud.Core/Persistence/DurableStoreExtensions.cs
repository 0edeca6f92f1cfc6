namespace LocalCloud.Core.Persistence;

/// <summary>One-change shorthands; they skip the allocation entirely when the store keeps nothing.</summary>
public static class DurableStoreExtensions
{
    public static void Put(this IDurableStore store, string collection, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.IsDurable)
        {
            store.Write([new DurableChange.Put(collection, key, value)]);
        }
    }

    public static void Delete(this IDurableStore store, string collection, string key)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.IsDurable)
        {
            store.Write([new DurableChange.Delete(collection, key)]);
        }
    }

    public static void DeletePrefix(this IDurableStore store, string collection, string keyPrefix)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.IsDurable)
        {
            store.Write([new DurableChange.DeletePrefix(collection, keyPrefix)]);
        }
    }
}
