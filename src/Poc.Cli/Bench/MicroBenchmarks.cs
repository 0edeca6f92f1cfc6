using System.Diagnostics;
using Poc.Cli.Cli;
using Poc.Cli.Endpoints;

namespace Poc.Bench;

/// <summary>
/// poc bench --micro: the BenchmarkDotNet micro-benchmarks of LocalCloud's hot paths. BenchmarkDotNet builds and runs its
/// own project, so they need the source tree; poc runs `dotnet run -c Release` on it and shows its output as it comes.
/// </summary>
public static class MicroBenchmarks
{
    /// <summary>The project, relative to the repository root.</summary>
    public static readonly string Project = Path.Combine("bench", "LocalCloud.Benchmarks", "LocalCloud.Benchmarks.csproj");

    /// <summary>
    /// BenchmarkDotNet's arguments: every benchmark, the short job, in-process (on a busy machine a separate process per
    /// benchmark hits BenchmarkDotNet's 2-minute build timeout; docs/performance.md).
    /// </summary>
    public static readonly IReadOnlyList<string> Arguments = ["--filter", "*", "--job", "short", "--inProcess"];

    /// <summary>The command a user can run by hand.</summary>
    public static string CommandLine => $"dotnet run -c Release --project {Project.Replace('\\', '/')} -- {string.Join(' ', Arguments.Select(a => a == "*" ? "'*'" : a))}";

    /// <summary>Runs them; returns BenchmarkDotNet's exit code. Without the source tree, says how to run them instead.</summary>
    public static async Task<int> RunAsync(CancellationToken ct)
    {
        var root = RepoRoot.TryFindFrom(Directory.GetCurrentDirectory()) ?? RepoRoot.TryFindFrom(AppContext.BaseDirectory);
        if (root is null || !File.Exists(Path.Combine(root, Project)))
        {
            throw new PocException(Messages.MicroBenchmarksMissing(CommandLine));
        }

        var start = new ProcessStartInfo(DotnetHost()) { UseShellExecute = false, WorkingDirectory = root };
        foreach (var arg in (string[])["run", "-c", "Release", "--project", Project, "--", .. Arguments])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new PocException(Messages.MicroBenchmarksDidNotStart);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return process.ExitCode;
    }

    // Under `dotnet run` the host path is given; elsewhere `dotnet` on PATH is the SDK.
    private static string DotnetHost()
        => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
