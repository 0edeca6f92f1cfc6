using Poc.Cli.Cli;

namespace Poc.Cli.Deploy;

/// <summary>Waits for a resource to settle (table ACTIVE, function update done), on the environment's clock.</summary>
internal static class Waiter
{
    public static async Task UntilAsync(Func<Task<bool>> ready, string what, TimeProvider time, CancellationToken ct, TimeSpan? timeout = null)
    {
        var deadline = time.GetUtcNow() + (timeout ?? TimeSpan.FromMinutes(3));
        var delay = TimeSpan.FromMilliseconds(100);
        while (!await ready())
        {
            if (time.GetUtcNow() > deadline)
            {
                throw new PocException(Messages.WaitTimedOut(what));
            }

            await Task.Delay(delay, time, ct);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
        }
    }
}
