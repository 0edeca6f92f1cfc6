using System.Collections.Concurrent;

namespace LocalCloud.Lambda.Execution;

/// <summary>Live workers by id: the Runtime API learns from its path prefix which worker is asking.</summary>
internal sealed class WorkerRegistry
{
    private readonly ConcurrentDictionary<string, Worker> _workers = new(StringComparer.Ordinal);

    public void Add(Worker worker) => _workers[worker.Id] = worker;

    public void Remove(Worker worker) => _workers.TryRemove(new KeyValuePair<string, Worker>(worker.Id, worker));

    public Worker? Find(string workerId) => _workers.TryGetValue(workerId, out var worker) ? worker : null;

    public int Count => _workers.Count;
}
