using System.Diagnostics;

namespace LocalCloud.HostileInput.Tests.Security;

/// <summary>Runs the real AWS CLI with a clean, explicit identity (never a developer's profile).</summary>
public static class AwsCli
{
    public static string? Executable { get; } = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, "aws"))
        .FirstOrDefault(File.Exists);

    public static async Task<(int Exit, string Out, string Err)> RunAsync(Uri endpoint, string accessKey, string secret, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (Executable is null)
        {
            Assert.Skip("The AWS CLI (aws) is not on PATH.");
        }
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])["--endpoint-url", endpoint.ToString().TrimEnd('/'), "--output", "json", .. args])
        {
            start.ArgumentList.Add(a);
        }
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        start.Environment["AWS_ACCESS_KEY_ID"] = accessKey;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = secret;
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment["AWS_PAGER"] = string.Empty;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("aws did not start");
        var ct = TestContext.Current.CancellationToken;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await stdout, await stderr);
    }
}
