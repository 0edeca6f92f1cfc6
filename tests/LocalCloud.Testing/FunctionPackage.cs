using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;

namespace LocalCloud.Testing;

/// <summary>
/// Publishes a test's Lambda function project (net8.0, as for AWS's dotnet8 runtime) once per test run and zips it.
/// The test assembly names the project in an AssemblyMetadata attribute, so the path is the build's, not a guess.
/// </summary>
public static class FunctionPackage
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> Zips = new(StringComparer.Ordinal);

    /// <summary>The zip of the project named by <paramref name="testAssembly"/>'s metadata <paramref name="metadataKey"/>.</summary>
    public static Task<byte[]> GetAsync(Assembly testAssembly, string metadataKey)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        var project = testAssembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == metadataKey).Value!;
        return Zips.GetOrAdd(project, p => new Lazy<Task<byte[]>>(() => BuildAsync(p))).Value;
    }

    private static async Task<byte[]> BuildAsync(string project)
    {
        var output = Path.Combine(Path.GetTempPath(), "localcloud-test-function-" + Guid.NewGuid().ToString("N"));
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "publish", project, "-c", "Release", "-o", output, "-nologo", "-p:RunAnalyzers=false" })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Publishing {project} failed:\n{await stdout}\n{await stderr}");
        }
        using var zip = new MemoryStream();
        ZipFile.CreateFromDirectory(output, zip);
        Directory.Delete(output, recursive: true);
        return zip.ToArray();
    }
}
