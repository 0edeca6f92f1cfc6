using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;

namespace LocalCloud.Tests.Faults;

/// <summary>Publishes Faults/FaultFunction (net8.0, as for AWS's dotnet8 runtime) once per test run and zips it.</summary>
internal static class FaultFunctionPackage
{
    private static readonly Lazy<Task<byte[]>> Zip = new(BuildAsync);

    public static Task<byte[]> GetAsync() => Zip.Value;

    private static async Task<byte[]> BuildAsync()
    {
        var project = typeof(FaultFunctionPackage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "FaultFunctionProject").Value!;
        var output = Path.Combine(Path.GetTempPath(), "localcloud-fault-function-" + Guid.NewGuid().ToString("N"));
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
