using Poc.Cli.Cli;
using Poc.Cli.Endpoints;

namespace Poc.Cli.Runs;

/// <summary>
/// Stands in for the schedule where it fires too slowly to wait for (AWS: once a minute at best; LocalStack:
/// never): invokes poc-poller every poll interval while a run is in progress.
/// </summary>
internal sealed class PollerTrigger(PocEnvironment env, TimeSpan interval)
{
    private int invocations;

    public int Invocations => Volatile.Read(ref invocations);

    public string? LastNote { get; private set; }

    public async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval, env.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    var summary = await PollerInvoker.InvokeAsync(env.Lambda, ct);
                    LastNote = summary.ToString();
                }
                catch (Exception e) when (e is not OperationCanceledException && ExpectedFailure.Describe(e) is { } message)
                {
                    // One failed sweep must not end the run; the next tick tries again and the note shows why.
                    LastNote = message;
                }

                Interlocked.Increment(ref invocations);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The run is over.
        }
    }
}
