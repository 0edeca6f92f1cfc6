using Microsoft.Extensions.Hosting;

namespace LocalCloud.Hosting;

/// <summary>
/// LocalCloud runs inside a program that owns the process's signals (its own command line, poc demo, a test
/// host). ASP.NET's default ConsoleLifetime would take SIGTERM and Ctrl+C for itself and then wait for a
/// shutdown nobody starts, so `kill PID` never ended LocalCloud; with this lifetime the owner's handler runs.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
