using System.ComponentModel;
using System.Runtime.InteropServices;
using LocalCloud.Lambda.Functions;
using Microsoft.Extensions.Logging;

namespace LocalCloud.Lambda.Execution;

/// <summary>
/// The warm workers of one function revision. At most MaxWorkersPerFunction invocations run at once (the rest
/// wait for a slot); a worker that finished cleanly goes back to the idle list and is reaped after
/// WorkerIdleTimeout. Once retired (code or configuration changed, function deleted) no worker is reused.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "SemaphoreSlim needs disposing only when its AvailableWaitHandle is used; a retired pool may still have waiters.")]
internal sealed class FunctionPool
{
    /// <summary>How long to wait for the dotnet runtime's end-of-invocation marker on stdout.</summary>
    private static readonly TimeSpan LogFlushWait = TimeSpan.FromSeconds(2);

    private readonly LambdaOptions _options;
    private readonly WorkerLauncher _launcher;
    private readonly WorkerRegistry _registry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _slots;
    private readonly List<Worker> _idle = [];
    private readonly HashSet<Worker> _all = [];
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private int _busy;
    private bool _retired;

    public FunctionPool(FunctionRecord function, LambdaOptions options, WorkerLauncher launcher, WorkerRegistry registry, TimeProvider time, ILogger logger)
    {
        Function = function;
        _options = options;
        _launcher = launcher;
        _registry = registry;
        _time = time;
        _logger = logger;
        _slots = new SemaphoreSlim(Math.Max(1, options.MaxWorkersPerFunction));
    }

    public FunctionRecord Function { get; }

    /// <summary>Completes once the pool is retired and none of its workers is running an invocation.</summary>
    public Task Drained => _drained.Task;

    public int WorkerCount
    {
        get
        {
            lock (_lock)
            {
                return _all.Count;
            }
        }
    }

    public async Task<InvocationOutcome> RunAsync(Invocation invocation, Action<Worker> onWorker)
    {
        await _slots.WaitAsync().ConfigureAwait(false);
        try
        {
            Worker worker;
            try
            {
                worker = TakeIdleOrStart();
            }
            catch (Win32Exception e)
            {
                _logger.WorkerStartFailed(e, Function.FunctionArn);
                // The OS's own reason (ENOENT, EACCES, ETXTBSY…) beside AWS's message: a generic "could not start"
                // hid which of them a rare failure under load was.
                return StartFailure(invocation, $"{DefaultStartFailure()} (errno {e.NativeErrorCode}: {Marshal.GetPInvokeErrorMessage(e.NativeErrorCode)})");
            }
            catch (RuntimeUnavailableException e)
            {
                return StartFailure(invocation, e.Message);
            }
            onWorker(worker);
            var cold = worker.IsCold;
            worker.Assign(invocation);
            if (cold)
            {
                invocation.StartInitTimer(_options.InitTimeout);
            }
            var outcome = await invocation.Completion.ConfigureAwait(false);
            if (outcome.KeepsWorker && SupportedRuntimes.MarksEndOfOutput(SupportedRuntimes.Of(Function.Runtime)))
            {
                try
                {
                    await invocation.LogsFlushed.WaitAsync(LogFlushWait, _time).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    // The log closes with what arrived; a runtime that never prints the marker costs only this wait.
                }
            }
            invocation.MaxMemoryUsedMb = worker.PeakMemoryMb();
            Return(worker, outcome.KeepsWorker);
            return outcome;
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Stops idle workers now and busy ones as soon as their invocation ends.</summary>
    public void Retire()
    {
        List<Worker> idle;
        lock (_lock)
        {
            _retired = true;
            idle = [.. _idle];
            _idle.Clear();
            if (_busy == 0)
            {
                _drained.TrySetResult();
            }
        }
        foreach (var worker in idle)
        {
            worker.IdleTimer?.Dispose();
            worker.Kill();
        }
    }

    /// <summary>Service shutdown: every worker goes now, busy or not (their invocations end as Runtime.ExitError).</summary>
    public void Shutdown()
    {
        Retire();
        List<Worker> all;
        lock (_lock)
        {
            all = [.. _all];
        }
        foreach (var worker in all)
        {
            worker.Kill();
        }
    }

    private Worker TakeIdleOrStart()
    {
        lock (_lock)
        {
            _busy++;
            while (_idle.Count > 0)
            {
                var worker = _idle[^1];
                _idle.RemoveAt(_idle.Count - 1);
                worker.IdleTimer?.Dispose();
                worker.IdleTimer = null;
                if (!worker.HasExited)
                {
                    return worker;
                }
            }
        }
        try
        {
            return Start();
        }
        catch
        {
            lock (_lock)
            {
                _busy--;
            }
            throw;
        }
    }

    private Worker Start()
    {
        var id = Guid.NewGuid().ToString("N");
        if (SupportedRuntimes.Of(Function.Runtime) == RuntimeKind.Provided)
        {
            WorkerLauncher.MakeBootstrapExecutable(Function);
        }
        var startInfo = _launcher.CreateStartInfo(Function, id);
        var worker = TextFileBusy.Retry(() => Worker.Start(id, startInfo, _time, _logger), Thread.Sleep);
        _registry.Add(worker);
        lock (_lock)
        {
            _all.Add(worker);
        }
        _ = ForgetWhenExitedAsync(worker);
        _logger.WorkerStarted(id, worker.ProcessId, Function.FunctionArn);
        return worker;
    }

    private async Task ForgetWhenExitedAsync(Worker worker)
    {
        await worker.Exited.ConfigureAwait(false);
        _registry.Remove(worker);
        lock (_lock)
        {
            _all.Remove(worker);
            _idle.Remove(worker);
        }
        worker.IdleTimer?.Dispose();
    }

    private void Return(Worker worker, bool reusable)
    {
        worker.Release();
        bool keep;
        lock (_lock)
        {
            _busy--;
            keep = reusable && !_retired && !worker.HasExited;
            if (keep)
            {
                _idle.Add(worker);
                worker.IdleTimer = _time.CreateTimer(_ => Reap(worker), null, _options.WorkerIdleTimeout, Timeout.InfiniteTimeSpan);
            }
            if (_retired && _busy == 0)
            {
                _drained.TrySetResult();
            }
        }
        if (!keep)
        {
            worker.Kill();
        }
    }

    private void Reap(Worker worker)
    {
        lock (_lock)
        {
            if (!_idle.Remove(worker))
            {
                return;
            }
        }
        _logger.WorkerIdle(worker.Id);
        worker.Kill();
    }

    /// <summary>Lambda's answer when the entry point cannot be executed (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html).</summary>
    /// <param name="problem">Why the worker could not be started.</param>
    private static InvocationOutcome StartFailure(Invocation invocation, string problem)
    {
        var outcome = InvocationOutcome.Error(OutcomeKind.RuntimeFailure, "Runtime.InvalidEntrypoint", $"RequestId: {invocation.RequestId} Error: {problem}");
        invocation.TryComplete(outcome);
        return outcome;
    }

    private string DefaultStartFailure() => SupportedRuntimes.Of(Function.Runtime) switch
    {
        RuntimeKind.Provided => $"Couldn't find valid bootstrap(s): [{Path.Combine(Function.Code.TaskRoot, "bootstrap")}]",
        RuntimeKind.Dotnet => $"could not start '{_options.DotnetExecutable}'",
        RuntimeKind.Node => $"could not start '{_options.NodeExecutable}'",
        _ => $"could not start '{_options.PythonExecutable}'",
    };
}
