using System.Text;
using System.Text.RegularExpressions;

namespace LocalCloud.Console.Tests;

/// <summary>
/// What a command prints, kept whole, with a wait for a line to appear: a test reads `poc demo`'s output as a person
/// reads the terminal, without polling or sleeping.
/// </summary>
internal sealed class WatchedWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Append(value.ToString());

    public override void Write(string? value) => Append(value);

    public override void Write(char[] buffer, int index, int count) => Append(new string(buffer, index, count));

    public override string ToString()
    {
        lock (_gate)
        {
            return _text.ToString();
        }
    }

    /// <summary>The first match of <paramref name="pattern"/> in the output, once it is printed; fails if <paramref name="command"/> ends first.</summary>
    public async Task<Match> WaitForAsync(Regex pattern, Task command, TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (pattern.Match(_text.ToString()) is { Success: true } match)
                {
                    return match;
                }
                changed = _changed.Task;
            }
            if (command.IsCompleted)
            {
                Assert.Fail($"the command ended before printing /{pattern}/:\n{this}");
            }
            try
            {
                await Task.WhenAny(changed, command).WaitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                Assert.Fail($"/{pattern}/ was not printed within {timeout.TotalSeconds:0} s:\n{this}");
            }
        }
    }

    private void Append(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        TaskCompletionSource changed;
        lock (_gate)
        {
            _text.Append(value);
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }
}
