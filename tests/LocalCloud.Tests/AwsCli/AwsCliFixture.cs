using System.Diagnostics;
using System.Text.Json;
using LocalCloud.Testing;

namespace LocalCloud.Tests.AwsCli;

/// <summary>
/// A full LocalCloud on a free port and a way to drive it with the real AWS CLI, as a user would.
/// Tests skip, saying why, where the CLI is not installed (CI installs it: see .ci/run).
/// </summary>
public sealed class AwsCliFixture : IAsyncLifetime
{
    public LocalCloudFixture Cloud { get; private set; } = null!;

    public static string? AwsExecutable { get; } = FindOnPath("aws");

    /// <summary>CLI v2 reads blob arguments (Lambda payloads) as base64 unless told otherwise; v1 takes them raw.</summary>
    private bool _isVersion2;

    private LocalCloudOptions? _options;

    /// <summary>A fixture over a LocalCloud started with <paramref name="options"/> (a test class that needs a flag, e.g. --mock-config).</summary>
    public static async Task<AwsCliFixture> StartAsync(LocalCloudOptions options)
    {
        var fixture = new AwsCliFixture { _options = options };
        await fixture.InitializeAsync();
        return fixture;
    }

    public async ValueTask InitializeAsync()
    {
        Cloud = await LocalCloudFixture.StartAsync(_options);
        if (AwsExecutable is not null)
        {
            var (_, output, error) = await RunRawAsync(["--version"]);
            _isVersion2 = (output + error).StartsWith("aws-cli/2", StringComparison.Ordinal);
        }
    }

    public ValueTask DisposeAsync() => Cloud.DisposeAsync();

    /// <summary>Runs `aws --endpoint-url … args` and returns exit code, stdout, stderr.</summary>
    public async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        if (AwsExecutable is null)
        {
            Assert.Skip("The AWS CLI (aws) is not on PATH; .ci/run installs Debian's awscli.");
        }
        string[] common = ["--endpoint-url", Cloud.Endpoint.ToString().TrimEnd('/'), "--output", "json"];
        return await RunRawAsync(_isVersion2 ? [.. common, "--cli-binary-format", "raw-in-base64-out", .. args] : [.. common, .. args], Variables);
    }

    /// <summary>Extra environment for the CLI (e.g. AWS_DISABLE_HOST_PREFIX_INJECTION for operations AWS serves on a "sync-" host).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    private async Task<(int Exit, string Out, string Err)> RunRawAsync(string[] args, IReadOnlyDictionary<string, string>? variables = null)
    {
        var start = new ProcessStartInfo(AwsExecutable!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        // A clean, fixed identity: the CLI must not pick up a developer's real profile or endpoint.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        start.Environment["AWS_ACCESS_KEY_ID"] = Cloud.Credentials.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = Cloud.Credentials.SecretAccessKey;
        start.Environment["AWS_DEFAULT_REGION"] = Cloud.Region;
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_PAGER"] = string.Empty;
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("aws did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }

    public async Task<JsonElement> OkAsync(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);
        Assert.True(exit == 0, $"aws {string.Join(' ', args)} exited {exit}: {error}");
        return string.IsNullOrWhiteSpace(output) ? default : JsonDocument.Parse(output).RootElement.Clone();
    }

    private static string? FindOnPath(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
