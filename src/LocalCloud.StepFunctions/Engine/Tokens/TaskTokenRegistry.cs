using System.Collections.Concurrent;

namespace LocalCloud.StepFunctions.Engine.Tokens;

/// <summary>
/// Open task tokens (their shape: <see cref="TaskTokenFormat"/>). A token stays known after its task closed, so a late callback gets TaskTimedOut rather than
/// TaskDoesNotExist, as AWS answers for a closed task. When retention forgets the execution its tokens go
/// into <see cref="ForgottenTokens"/>, which still answers TaskTimedOut ("The task token has either expired or
/// the task associated with the token has already been closed",
/// https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskSuccess.html).
/// </summary>
public sealed class TaskTokenRegistry
{
    private readonly ConcurrentDictionary<string, OpenTask> _tasks = new(StringComparer.Ordinal);

    // Tokens of tasks that closed before a restart: known, but never open again.
    private readonly ConcurrentDictionary<string, bool> _closedBeforeRestart = new(StringComparer.Ordinal);

    // Each execution's tokens, so retention can forget them with it.
    private readonly ConcurrentDictionary<string, ConcurrentBag<string>> _byExecution = new(StringComparer.Ordinal);
    private readonly ForgottenTokens _forgotten = new();

    public static string Mint() => TaskTokenFormat.Mint();

    public void Register(OpenTask task)
    {
        if (task.Token is not null)
        {
            // A resumed task registers its token again: keep one entry per token.
            if (_tasks.TryGetValue(task.Token, out var known) && known.Execution == task.Execution)
            {
                _tasks[task.Token] = task;
                return;
            }
            _tasks[task.Token] = task;
            _byExecution.GetOrAdd(task.Execution.Arn, _ => []).Add(task.Token);
        }
    }

    /// <summary>A token read back from a stored history: a callback for it answers TaskTimedOut.</summary>
    public void RegisterClosed(string token, string executionArn)
    {
        if (_closedBeforeRestart.TryAdd(token, true))
        {
            _byExecution.GetOrAdd(executionArn, _ => []).Add(token);
        }
    }

    /// <summary>Tokens held in memory, open or closed (forgotten ones are not counted).</summary>
    public int Count => _tasks.Count + _closedBeforeRestart.Count;

    /// <summary>Retention forgot the execution: its tokens leave memory, and a late callback still gets TaskTimedOut.</summary>
    public void Forget(string executionArn)
    {
        if (!_byExecution.TryRemove(executionArn, out var tokens))
        {
            return;
        }
        foreach (var token in tokens)
        {
            _forgotten.Add(token);
            _tasks.TryRemove(token, out _);
            _closedBeforeRestart.TryRemove(token, out _);
        }
    }

    /// <summary>The open task behind a token, or why there is none (the API answers InvalidToken, TaskDoesNotExist or TaskTimedOut).</summary>
    public TokenLookup Find(string? token)
    {
        if (!TaskTokenFormat.IsWellFormed(token))
        {
            return new(TokenState.Malformed, null);
        }
        if (!_tasks.TryGetValue(token, out var task))
        {
            return new(_closedBeforeRestart.ContainsKey(token) || _forgotten.MayContain(token) ? TokenState.Closed : TokenState.Unknown, null);
        }
        return task.IsClosed ? new(TokenState.Closed, null) : new(TokenState.Open, task);
    }
}
