using System.Collections.Concurrent;
using LocalCloud.Core;

namespace LocalCloud.StepFunctions.Engine.Tokens;

/// <summary>
/// Open task tokens (their shape: <see cref="TaskTokenFormat"/>). A token stays known after its task closed, so a late callback gets TaskTimedOut rather than
/// TaskDoesNotExist, as AWS answers for a closed task.
/// </summary>
public sealed class TaskTokenRegistry
{
    private readonly ConcurrentDictionary<string, OpenTask> _tasks = new(StringComparer.Ordinal);

    // Tokens of tasks that closed before a restart: known, but never open again.
    private readonly ConcurrentDictionary<string, bool> _closedBeforeRestart = new(StringComparer.Ordinal);

    public static string Mint() => TaskTokenFormat.Mint();

    public void Register(OpenTask task)
    {
        if (task.Token is not null)
        {
            _tasks[task.Token] = task;
        }
    }

    /// <summary>A token read back from a stored history: a callback for it answers TaskTimedOut.</summary>
    public void RegisterClosed(string token) => _closedBeforeRestart.TryAdd(token, true);

    /// <summary>The open task behind a token, or AWS's error: InvalidToken, TaskDoesNotExist, TaskTimedOut.</summary>
    public OpenTask Find(string? token)
    {
        if (!TaskTokenFormat.IsWellFormed(token))
        {
            throw new AwsServiceException("InvalidToken", "Invalid Token: 'Invalid token'");
        }
        if (!_tasks.TryGetValue(token, out var task))
        {
            if (_closedBeforeRestart.ContainsKey(token))
            {
                throw TimedOut();
            }
            throw new AwsServiceException("TaskDoesNotExist", "Task Does Not Exist: 'Provided task does not exist'");
        }
        return task.IsClosed ? throw TimedOut() : task;
    }

    public static AwsServiceException TimedOut() => new("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
}
