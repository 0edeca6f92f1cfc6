using System.Diagnostics;
using System.Text.Json;

namespace LocalCloud.Tests.AwsCli;

/// <summary>Runs a boto3 script with python3 (without the test process's AWS_* variables) and parses the JSON it prints; skips when python3 or boto3 is missing.</summary>
internal static class Boto3Script
{
    public static async Task<JsonElement> RunAsync(string script)
    {
        var python = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "python3")).FirstOrDefault(File.Exists);
        if (python is null)
        {
            Assert.Skip("python3 is not on PATH; the boto3 test needs python3 with boto3.");
        }
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var error = await stderr;
        if (process.ExitCode != 0 && error.Contains("No module named 'boto3'", StringComparison.Ordinal))
        {
            Assert.Skip("boto3 is not installed for python3.");
        }
        Assert.True(process.ExitCode == 0, $"python3 exited {process.ExitCode}: {error}");
        return JsonDocument.Parse(await stdout).RootElement.Clone();
    }
}
