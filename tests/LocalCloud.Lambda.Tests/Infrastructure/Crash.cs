using LocalCloud.Core.Persistence;
using LocalCloud.Lambda.Persistence;

namespace LocalCloud.Lambda.Tests.Infrastructure;

/// <summary>
/// What a kill -9 at this instant would leave behind: a copy of the Lambda collections as they are now, so nothing the
/// old service does while it is disposed (a graceful stop) can add to what the restarted one finds.
/// </summary>
internal static class Crash
{
    public static InMemoryDurableStore Now(InMemoryDurableStore store)
    {
        var copy = new InMemoryDurableStore();
        foreach (var collection in new[] { DurableFunctionStore.Collection, EventJournal.Collection })
        {
            copy.Write([.. store.Load(collection).Select(r => new DurableChange.Put(collection, r.Key, r.Value))]);
        }
        return copy;
    }
}
