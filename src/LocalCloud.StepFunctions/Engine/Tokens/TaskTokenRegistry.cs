using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace LocalCloud.StepFunctions.Engine.Tokens;

/// <summary>
/// Task tokens: 64 random bytes (512 bits) from RandomNumberGenerator, base64url, so 86 characters.
/// A token stays known after its task closed, so a late callback gets TaskTimedOut rather than
/// TaskDoesNotExist, as AWS answers for a closed task.
/// </summary>
public sealed class TaskTokenRegistry
{
    private const int TokenBytes = 64;
    private static readonly int TokenLength = Base64Url.GetEncodedLength(TokenBytes);
    private readonly ConcurrentDictionary<string, OpenTask> _tasks = new(StringComparer.Ordinal);

    // Tokens of tasks that closed before a restart: known, but never open again.
    private readonly ConcurrentDictionary<string, bool> _closedBeforeRestart = new(StringComparer.Ordinal);

    public static string Mint()
    {
        Span<byte> bytes = stackalloc byte[TokenBytes];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    public void Register(OpenTask task)
    {
        if (task.Token is not null)
        {
            _tasks[task.Token] = task;
        }
    }

    /// <summary>A token read back from a stored history: a callback for it answers TaskTimedOut.</summary>
    public void RegisterClosed(string token) => _closedBeforeRestart.TryAdd(token, true);

    /// <summary>The open task behind a token, or why there is none (the API answers InvalidToken, TaskDoesNotExist or TaskTimedOut).</summary>
    public TokenLookup Find(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length != TokenLength || !Base64Url.IsValid(token))
        {
            return new(TokenState.Malformed, null);
        }
        if (!_tasks.TryGetValue(token, out var task))
        {
            return new(_closedBeforeRestart.ContainsKey(token) ? TokenState.Closed : TokenState.Unknown, null);
        }
        return task.IsClosed ? new(TokenState.Closed, null) : new(TokenState.Open, task);
    }
}
