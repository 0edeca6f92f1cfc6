using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Activities;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Engine.Checkpoints;
using LocalCloud.StepFunctions.Engine.Tokens;

namespace LocalCloud.StepFunctions.Engine.Tasks;

/// <summary>
/// A Task whose Resource is an activity ARN: the task is queued on the activity, a worker takes it with GetActivityTask
/// (ActivityStarted, with the worker's name) and answers with SendTaskSuccess/Failure/Heartbeat and the task's token, as a
/// callback does (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-activities.html). TimeoutSeconds counts from
/// ActivityScheduled, HeartbeatSeconds from ActivityStarted (LocalStack's AWS-validated activity tests show the same).
/// Nothing is called, so <see cref="Prepare"/> only checks the activity exists; <see cref="TaskAttempt"/> hands the task
/// over through <see cref="HandOffAsync"/>.
/// </summary>
public sealed class ActivityRunner : ITaskRunner
{
    public bool Runs(TaskResource resource) => resource.ResourceType == "activity";

    public TaskHistoryDialect Dialect => TaskHistoryDialect.Activity;

    /// <summary>
    /// A missing activity fails the state before any task event with States.Runtime, as AWS does ("The activity … does
    /// not exist.", LocalStack's recorded AWS history for a deleted activity).
    /// </summary>
    public Func<CancellationToken, Task<TaskOutcome>> Prepare(TaskResource resource, JsonNode? parameters, EngineEnvironment env, Execution execution)
    {
        if (env.Activities.Find(resource.Resource) is null)
        {
            throw new StatesFailureException(StatesErrors.Runtime, $"The activity {resource.Resource} does not exist.");
        }
        return _ => throw new InvalidOperationException("An activity task is handed to a worker, never called.");
    }

    /// <summary>
    /// Queues the task and waits until a worker takes it (then writes ActivityStarted and arms HeartbeatSeconds) or the
    /// task closes first. Returns the task's progress for the events that follow.
    /// </summary>
    public static async Task<TaskCheckpoint?> HandOffAsync(Execution execution, EngineEnvironment env, StateVisit scope, OpenTask open,
        TaskResource resource, string input, TaskCheckpoint? progress, TimeSpan? heartbeat)
    {
        var task = new ActivityTask(execution.Idle.Wake, open.Token!, input);
        // Inside the close's atomic wake, so the wait below ends in the same step as the task.
        open.Closing = task.Abandon;
        if (open.IsClosed)
        {
            execution.Idle.Wake(task.Abandon);
        }
        var queue = env.Activities.Dispatcher(resource.Resource);
        // Deleted since Prepare: nobody can take the task any more, so it waits out its TimeoutSeconds (or a stop).
        queue?.Enqueue(task);
        execution.Idle.Park(task.Taken);
        var worker = await task.Taken.ConfigureAwait(false);
        var started = false;
        try
        {
            if (worker is null)
            {
                queue?.Remove(task);
                return progress;
            }
            var now = env.Time.GetUtcNow();
            progress = progress is null ? null : progress with
            {
                Phase = TaskPhase.Submitted,
                HeartbeatAt = heartbeat is { } h ? now + h : null,
                HeartbeatSeconds = heartbeat is { } hs ? (long)hs.TotalSeconds : null,
            };
            var details = new JsonObject();
            if (worker.Name is not null)
            {
                details["workerName"] = worker.Name;
            }
            execution.Append("ActivityStarted", TaskHistoryDialect.Member("ActivityStarted"), details, scope.At(progress));
            started = true;
            open.StartTimers(env.Time, null, heartbeat);
            return progress;
        }
        finally
        {
            task.MarkStarted(started);
        }
    }
}
