using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace LocalCloud.Lambda.Execution;

/// <summary>
/// One worker process (an "execution environment"): it long-polls the Runtime API under its own path prefix,
/// takes one event at a time, and its stdout/stderr become the logs of whatever invocation it is running.
/// </summary>
internal sealed class Worker
{
    /// <summary>
    /// Written to stdout by LocalCloud's dotnet runtime after each invocation, so every line the function printed
    /// is known to have arrived before the invocation's log is closed. Never shown in logs.
    /// </summary>
    public const string EndOfInvocationMarker = "\u001fLOCALCLOUD_END ";

    /// <summary>
    /// Exit code of LocalCloud's runtimes (dotnet, Node.js, Python) for a worker that ran out of the memory its
    /// MemorySize allows; must match each runtime's own constant.
    /// </summary>
    public const int OutOfMemoryExitCode = 124;

    /// <summary>What V8 prints before it aborts a Node.js worker that reached --max-old-space-size.</summary>
    private const string NodeHeapExhausted = "JavaScript heap out of memory";

    private const int MaxPendingLines = 1000;

    private readonly Process _process;
    private readonly Channel<Invocation> _events = Channel.CreateBounded<Invocation>(1);
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _pendingLines = [];
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _startedAt;
    private readonly int _pid;
    private bool _initialized;
    private bool _ended;
    private volatile bool _outOfMemory;

    private Worker(string id, Process process, TimeProvider time, ILogger logger)
    {
        Id = id;
        _process = process;
        _time = time;
        _logger = logger;
        _startedAt = time.GetTimestamp();
        _pid = process.Id;
    }

    public string Id { get; }

    public int ProcessId => _process.Id;

    public Invocation? Current { get; private set; }

    /// <summary>Completes with the exit code once the process has ended and its output has been read.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>True as soon as the process is gone, before its last output is read: a dead idle worker is never handed an event.</summary>
    public bool HasExited => Volatile.Read(ref _ended) || _exited.Task.IsCompleted;

    public ITimer? IdleTimer { get; set; }

    /// <exception cref="Win32Exception">The program could not be started (missing or not executable).</exception>
    public static Worker Start(string id, ProcessStartInfo startInfo, TimeProvider time, ILogger logger)
    {
        var process = new Process { StartInfo = startInfo };
        process.Start();
        var worker = new Worker(id, process, time, logger);
        var stdout = worker.PumpAsync(process.StandardOutput);
        var stderr = worker.PumpAsync(process.StandardError);
        _ = worker.MonitorAsync(stdout, stderr);
        return worker;
    }

    /// <summary>Hands the worker its next event; output printed before /next picks it up is its init log.</summary>
    public void Assign(Invocation invocation)
    {
        lock (_lock)
        {
            Current = invocation;
            foreach (var line in _pendingLines)
            {
                invocation.Log.AppendLine(line);
            }
            _pendingLines.Clear();
        }
        _events.Writer.TryWrite(invocation);
    }

    public bool IsCold => !_initialized;

    /// <summary>GET /next: waits for the event assigned to this worker and starts its clock.</summary>
    public async Task<Invocation> NextAsync(CancellationToken cancellationToken)
    {
        var invocation = await _events.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (!_initialized)
        {
            _initialized = true;
            invocation.InitDuration = _time.GetElapsedTime(_startedAt);
        }
        invocation.MarkDelivered();
        return invocation;
    }

    /// <summary>The process's peak resident set in MB (VmHWM on Linux), as Lambda reports Max Memory Used; 0 once it has exited.</summary>
    public long PeakMemoryMb()
    {
        if (OperatingSystem.IsLinux())
        {
            // Read once per invocation: Process.Refresh() then PeakWorkingSet64 also read the stat file of every thread
            // of the worker (about twenty files): 0.49 % of LocalCloud's samples in a 1,000-job profile, of 0.81 % for the whole pool.
            return HasExited ? 0 : LinuxPeakResidentKb(_pid) / 1024;
        }
        try
        {
            _process.Refresh();
            return _process.PeakWorkingSet64 / (1024 * 1024);
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
    }

    private static long LinuxPeakResidentKb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.TryParse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb : 0;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone since HasExited was read.
        }
        return 0;
    }

    public void Release()
    {
        lock (_lock)
        {
            Current = null;
        }
    }

    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (Win32Exception e)
        {
            _logger.WorkerKillFailed(e, Id);
        }
    }

    private async Task PumpAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            var marker = line.IndexOf(EndOfInvocationMarker, StringComparison.Ordinal);
            if (marker < 0)
            {
                Append(line);
                continue;
            }
            if (marker > 0)
            {
                Append(line[..marker]);
            }
            var requestId = line[(marker + EndOfInvocationMarker.Length)..];
            var current = Current;
            if (current is not null && current.RequestId == requestId)
            {
                current.MarkLogsFlushed();
            }
        }
    }

    private void Append(string line)
    {
        if (line.Contains(NodeHeapExhausted, StringComparison.Ordinal))
        {
            _outOfMemory = true;
        }
        _logger.WorkerOutput(Id, line);
        lock (_lock)
        {
            if (Current is { } current)
            {
                current.Log.AppendLine(line);
            }
            else if (_pendingLines.Count < MaxPendingLines)
            {
                _pendingLines.Add(line);
            }
        }
    }

    private async Task MonitorAsync(Task stdout, Task stderr)
    {
        await _process.WaitForExitAsync().ConfigureAwait(false);
        Volatile.Write(ref _ended, true);
        try
        {
            // A grandchild holding the pipes open must not keep the exit from being noticed.
            await Task.WhenAll(stdout, stderr).WaitAsync(TimeSpan.FromSeconds(2), _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
        var exitCode = _process.ExitCode;
        _process.Dispose();
        _events.Writer.TryComplete();
        var current = Current;
        if (current is not null)
        {
            // AWS ends an environment that exceeds its memory (the kernel's kill) and names it Runtime.OutOfMemory.
            var outOfMemory = exitCode == OutOfMemoryExitCode || _outOfMemory;
            current.TryComplete(outOfMemory
                ? InvocationOutcome.Error(OutcomeKind.RuntimeFailure, "Runtime.OutOfMemory", $"RequestId: {current.RequestId} Error: Runtime exited with error: signal: killed")
                : InvocationOutcome.Error(OutcomeKind.RuntimeFailure, "Runtime.ExitError", $"RequestId: {current.RequestId} Error: {ExitReason(exitCode)}"));
        }
        _exited.TrySetResult(exitCode);
    }

    /// <summary>Lambda's wording for a runtime that ends mid-invocation, e.g. "Runtime exited with error: exit status 1".</summary>
    private static string ExitReason(int exitCode) => exitCode switch
    {
        0 => "Runtime exited without providing a reason",
        // .NET reports a process ended by a signal as 128 + the signal number.
        134 => "Runtime exited with error: signal: aborted",
        137 => "Runtime exited with error: signal: killed",
        139 => "Runtime exited with error: signal: segmentation fault",
        _ => $"Runtime exited with error: exit status {exitCode}",
    };
}
