using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Asl.States;
using LocalCloud.StepFunctions.Engine.Express;

namespace LocalCloud.StepFunctions.Engine.MapRuns;

/// <summary>
/// Runs a Distributed Map's Map Run: each input becomes a child execution of the item processor (STANDARD or EXPRESS, with
/// the Map Run's ARN), at most MaxConcurrency at once (UpdateMapRun may raise or lower it as it runs, see MapRunWorkers), and the run fails once more
/// items failed than tolerated (by default none). Events MapRunStarted, then MapRunSucceeded or MapRunFailed, go to the
/// parent's history; each child has its own. Naming follows https://docs.aws.amazon.com/step-functions/latest/dg/concepts-examine-map-run.html:
/// the run is mapRun:{machine}/{label}:{id}, its children run stateMachine:{machine}/{label}.
/// </summary>
public sealed class MapRunRunner(Execution parent, EngineEnvironment env, IStateScope scope)
{
    public async Task<JsonNode?[]> RunAsync(MapRunSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var parts = parent.Machine.Arn.Split(':');
        var (prefix, path) = ($"arn:aws:states:{parts[3]}:{parts[4]}", $"{parent.Machine.Name}/{spec.Label}");
        var count = spec.Inputs.Count;
        var kept = scope.TakeRedrivenChildren();
        // A redriven parent redrives the Map Run that ended unsuccessfully (same ARN, MapRunRedriven); otherwise a new run starts.
        var redriven = kept is null ? null : env.MapRuns.ForExecution(parent.Arn)
            .LastOrDefault(r => r.Arn.StartsWith($"{prefix}:mapRun:{path}:", StringComparison.Ordinal) && r.View().Status is MapRun.Failed or MapRun.Aborted);
        MapRun run;
        if (redriven is not null)
        {
            run = redriven;
            var redriveCount = run.Redrive(env.Time.GetUtcNow());
            env.MapRuns.Save(run);
            scope.Emit("MapRunRedriven", "mapRunRedrivenEventDetails", new JsonObject { ["mapRunArn"] = run.Arn, ["redriveCount"] = redriveCount });
        }
        else
        {
            run = new MapRun($"{prefix}:mapRun:{path}:{Guid.NewGuid()}", parent.Arn, parent.Machine.Arn, env.Time.GetUtcNow(), spec.MaxConcurrency,
                spec.ToleratedFailurePercentage, spec.ToleratedFailureCount, count, spec.ItemCounts.Sum());
            env.MapRuns.Add(run);
            scope.Emit("MapRunStarted", "mapRunStartedEventDetails", new JsonObject { ["mapRunArn"] = run.Arn });
        }
        var processor = new StateMachineVersion($"{prefix}:stateMachine:{path}", path, parent.Machine.RoleArn, spec.Processor, parent.Machine.DefinitionText,
            parent.Machine.UpdateDate, parent.Machine.RevisionId);
        var results = new JsonNode?[count];
        var exceeded = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = new MapRunWorkers(parent.Idle, count, () => run.MaxConcurrency, RunItemAsync, stop.Token);
        run.MaxConcurrencyChanged = workers.Grow;
        try
        {
            await workers.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            run.MaxConcurrencyChanged = null;
        }
        var now = env.Time.GetUtcNow();
        if (cancellationToken.IsCancellationRequested)
        {
            run.End(MapRun.Aborted, now);
            env.MapRuns.Save(run);
            cancellationToken.ThrowIfCancellationRequested();
        }
        if (exceeded == 1)
        {
            run.End(MapRun.Failed, now);
            env.MapRuns.Save(run);
            const string cause = "The specified tolerated failure threshold was exceeded";
            scope.Emit("MapRunFailed", "mapRunFailedEventDetails", Events.Error(MapState.ExceedToleratedFailureThreshold, cause));
            throw new StatesFailureException(MapState.ExceedToleratedFailureThreshold, cause);
        }
        run.End(MapRun.Succeeded, now);
        env.MapRuns.Save(run);
        scope.Emit("MapRunSucceeded");
        return results;

        async Task RunItemAsync(int index)
        {
            var items = spec.ItemCounts[index];
            if (kept is not null && kept.TryGetValue(index, out var before))
            {
                // Redriven: a child that had succeeded is not run again (a redriven run already counts it as succeeded).
                results[index] = JsonNode.Parse(before);
                scope.ChildEnded(index, results[index], succeeded: true);
                if (redriven is null)
                {
                    run.ChildStarted(items);
                    run.ChildEnded(ExecutionStatus.Succeeded, items);
                }
                return;
            }
            run.ChildStarted(items);
            var ended = await RunChildAsync(spec, run, processor, prefix, path, spec.Inputs[index], items, stop.Token).ConfigureAwait(false);
            var succeeded = ended.Status == ExecutionStatus.Succeeded;
            results[index] = succeeded ? JsonNode.Parse(ended.Output ?? "null") : ErrorOutput(ended);
            scope.ChildEnded(index, succeeded ? results[index] : null, succeeded);
            if (run.ChildEnded(ended.Status, items) && Interlocked.Exchange(ref exceeded, 1) == 0)
            {
                await stop.CancelAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<ExecutionSnapshot> RunChildAsync(MapRunSpec spec, MapRun run, StateMachineVersion processor, string prefix, string path, JsonNode? input,
        int items, CancellationToken cancellationToken)
    {
        var name = Guid.NewGuid().ToString();
        var express = spec.ExecutionType == ExpressRules.Express;
        var arn = express ? $"{prefix}:express:{path}:{name}:{Guid.NewGuid()}" : $"{prefix}:execution:{path}:{name}";
        var child = new Execution(arn, name, processor, Events.Json(input), parent.Context, env.Time) { Type = spec.ExecutionType, MapRunArn = run.Arn, ItemCount = items };
        child = env.MapRuns.Register?.Invoke(child) ?? child;
        env.Usage.Add("states", express ? "ExpressRequests" : "ExecutionsStarted", processor.Arn);
        child.Track(Task.Run(() => new ExecutionRunner(child, env).RunAsync(), CancellationToken.None));
        // The parent's strand parks while its child runs, and wakes in the same step as the child ends; a stopped parent aborts it.
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = child.Finished.ContinueWith(_ => parent.Idle.Wake(() => ended.TrySetResult()), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        using var abort = cancellationToken.Register(() => child.Abort(null, "The Map Run was stopped."));
        parent.Idle.Park(ended.Task);
        await ended.Task.ConfigureAwait(false);
        return await child.Finished.ConfigureAwait(false);
    }

    private static JsonObject ErrorOutput(ExecutionSnapshot ended)
    {
        var error = new JsonObject { ["Error"] = ended.Error ?? (ended.Status == ExecutionStatus.TimedOut ? StatesErrors.Timeout : ended.Status) };
        if (ended.Cause is not null)
        {
            error["Cause"] = ended.Cause;
        }
        return error;
    }
}
