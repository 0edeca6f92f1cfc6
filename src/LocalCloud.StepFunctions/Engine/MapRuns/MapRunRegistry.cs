using System.Collections.Concurrent;

namespace LocalCloud.StepFunctions.Engine.MapRuns;

/// <summary>Map Runs by ARN, and the durable store's hook to write each as it starts and ends.</summary>
public sealed class MapRunRegistry
{
    private readonly ConcurrentDictionary<string, MapRun> _runs = new(StringComparer.Ordinal);

    /// <summary>Set when the store is durable: writes the run's current view.</summary>
    public Action<MapRun>? Journal { get; set; }

    /// <summary>Set by the service: child executions join the execution registry, so Describe, History and List see them.</summary>
    public Func<Execution, Execution>? Register { get; set; }

    public void Add(MapRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _runs[run.Arn] = run;
        Journal?.Invoke(run);
    }

    /// <summary>A run read back from the store: known again, not written again.</summary>
    public void Restore(MapRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _runs[run.Arn] = run;
    }

    public void Save(MapRun run) => Journal?.Invoke(run);

    public MapRun? Find(string arn) => _runs.TryGetValue(arn, out var run) ? run : null;

    /// <summary>Retention forgot the parent execution: its runs go too; returns them, for the durable store.</summary>
    public IReadOnlyList<MapRun> ForgetExecution(string executionArn)
    {
        var forgotten = _runs.Values.Where(r => r.ExecutionArn == executionArn).ToList();
        forgotten.ForEach(r => _runs.TryRemove(r.Arn, out _));
        return forgotten;
    }

    /// <summary>Runs held in memory.</summary>
    public int Count => _runs.Count;

    /// <summary>The runs an execution started, oldest first.</summary>
    public IReadOnlyList<MapRun> ForExecution(string executionArn)
        => _runs.Values.Where(r => r.ExecutionArn == executionArn).OrderBy(r => r.StartDate).ThenBy(r => r.Arn, StringComparer.Ordinal).ToList();
}
