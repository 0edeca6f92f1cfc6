using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using Poc.Cli.Cli;

namespace Poc.Cli.Deploy;

/// <summary>Publishes src/JobOrchestration.Functions and zips it flat, unless the zip is already newer than its sources.</summary>
public static class PackageBuilder
{
    /// <summary>Builds (or reuses) out/package/functions.zip.</summary>
    public static async Task<FunctionPackage> BuildAsync(PackageLayout layout, IProgress<string>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (!File.Exists(layout.ProjectFile))
        {
            throw new PocException(Messages.FunctionsProjectMissing(layout.ProjectFile));
        }

        // Two poc processes (or test assemblies run side by side) must not delete and publish the same folder at once:
        // the second waits, then finds the package fresh.
        using var gate = await LockAsync(layout, ct);
        var reason = PackageInputs.StaleReason(layout.ZipPath, PackageInputs.Enumerate(layout));
        if (reason is not null)
        {
            progress?.Report(Messages.Publishing(reason));
            await PublishAsync(layout, ct);
            Zip(layout);
        }
        else
        {
            progress?.Report(Messages.PackageUpToDate);
        }

        var bytes = await File.ReadAllBytesAsync(layout.ZipPath, ct);
        return new FunctionPackage(layout.ZipPath, reason is not null, Convert.ToBase64String(SHA256.HashData(bytes)), bytes.LongLength);
    }

    private static async Task<FileStream> LockAsync(PackageLayout layout, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetDirectoryName(layout.ZipPath)!, ".build.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                // Held by another process until its publish ends (a publish takes seconds; the OS frees it if that process dies).
                await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
            }
        }
    }

    private static async Task PublishAsync(PackageLayout layout, CancellationToken ct)
    {
        if (Directory.Exists(layout.PublishDir))
        {
            // A file dropped from the project must not linger in the package.
            Directory.Delete(layout.PublishDir, recursive: true);
        }

        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = layout.RepoRoot,
        };
        foreach (var arg in new[] { "publish", layout.ProjectFile, "-c", "Release", "-o", layout.PublishDir, "--nologo" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new PocException(Messages.PublishDidNotStart);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout + await stderr;
        if (process.ExitCode != 0)
        {
            var tail = string.Join('\n', output.Split('\n').TakeLast(20));
            throw new PocException(Messages.PublishFailed(process.ExitCode, tail));
        }
    }

    private static void Zip(PackageLayout layout)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(layout.ZipPath)!);
        var temp = layout.ZipPath + ".tmp";
        File.Delete(temp);
        ZipFile.CreateFromDirectory(layout.PublishDir, temp, CompressionLevel.Optimal, includeBaseDirectory: false);
        File.Move(temp, layout.ZipPath, overwrite: true);
    }

    // Under `dotnet run` the host path is given; elsewhere `dotnet` on PATH is the SDK.
    private static string DotnetHost()
        => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
