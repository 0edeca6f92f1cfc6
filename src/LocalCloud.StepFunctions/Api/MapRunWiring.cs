using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Persistence;
using LocalCloud.StepFunctions.Engine.MapRuns;
using Microsoft.Extensions.Logging;

namespace LocalCloud.StepFunctions.Api;

/// <summary>
/// Connects the Map Runs to the service: their child executions join the execution registry, and with a durable store each
/// run is written as it changes and read back on start. A run still RUNNING in the store was cut off by a stop; its parent
/// execution re-enters the Map state and starts a new run, so the old one is shown ABORTED.
/// </summary>
internal static class MapRunWiring
{
    public static void Connect(StepFunctionsBackend backend, ILogger logger)
    {
        var runs = backend.Engine.MapRuns;
        runs.Register = backend.Executions.GetOrAdd;
        var store = backend.Durable;
        backend.Executions.Forgotten += parent =>
        {
            var forgotten = runs.ForgetExecution(parent.Arn);
            if (store.IsDurable && forgotten.Count > 0)
            {
                store.Write([.. forgotten.Select(r => new DurableChange.Delete(MapRunDocument.Collection, r.Arn))]);
            }
        };
        if (!store.IsDurable)
        {
            return;
        }
        runs.Journal = run => store.Write([MapRunDocument.Put(run)]);
        // A run whose parent is gone (forgotten, and a crash came between the two deletes) is deleted rather than kept for ever.
        var parents = store.Load(StatesCollections.Executions).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (_, stored) in DurableReader.Read(store, MapRunDocument.Collection, DurableJson.Default.MapRunDocument, d => d.V, logger))
        {
            if (!parents.Contains(stored.Run.ExecutionArn))
            {
                store.Write([new DurableChange.Delete(MapRunDocument.Collection, stored.Run.Arn)]);
                continue;
            }
            var run = MapRun.Restore(stored.Run);
            if (run.IsRunning)
            {
                run.End(MapRun.Aborted, stored.Run.StopDate ?? backend.Engine.Time.GetUtcNow());
                runs.Add(run);
                continue;
            }
            runs.Restore(run);
        }
    }
}
