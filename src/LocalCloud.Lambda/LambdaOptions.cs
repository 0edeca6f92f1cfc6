namespace LocalCloud.Lambda;

/// <summary>How the Lambda service starts worker processes and where it keeps function code.</summary>
public sealed class LambdaOptions
{
    private const string RuntimeHostFileName = "LocalCloud.Lambda.DotnetRuntime.dll";

    /// <summary>
    /// The host's base URL (e.g. http://127.0.0.1:4566), known only once the server listens. Workers reach the
    /// Runtime API under it, at /_localcloud/lambda-runtime/{workerId}/2018-06-01/runtime/...
    /// </summary>
    public Func<Uri> RuntimeApiBaseUrl { get; set; } = () => new Uri("http://127.0.0.1:4566");

    /// <summary>Given to workers as AWS_ENDPOINT_URL so SDK calls from a function come back to LocalCloud.</summary>
    public Func<Uri> AwsEndpointUrl { get; set; } = () => new Uri("http://127.0.0.1:4566");

    /// <summary>
    /// Secret key and session token handed to workers; their access key is the account id, so calls back land in the
    /// same account. The host mints random ones when it verifies signatures, so only its own workers can sign with them.
    /// </summary>
    public string WorkerSecretAccessKey { get; set; } = "localcloud-test-secret";

    /// <inheritdoc cref="WorkerSecretAccessKey"/>
    public string WorkerSessionToken { get; set; } = "localcloud-test-session";

    /// <summary>Where uploaded zips are kept and extracted (one folder per function and code version).</summary>
    public string DataDirectory { get; set; }

    /// <summary>
    /// The default <see cref="DataDirectory"/>: a scratch folder of this service alone, deleted when it is disposed. It
    /// was once one folder per process, so disposing one LocalCloud deleted the function code of every other one in
    /// the same process (parallel test classes), and their next cold start answered Runtime.InvalidEntrypoint.
    /// </summary>
    internal string ScratchDirectory { get; } = Path.Combine(Path.GetTempPath(), $"localcloud-lambda-{Environment.ProcessId}-{Guid.NewGuid():N}");

    public LambdaOptions() => DataDirectory = ScratchDirectory;

    /// <summary>The worker program for dotnet runtimes; the host project references it so it sits beside this assembly.</summary>
    public string DotnetRuntimeHostPath { get; set; } = Path.Combine(AssemblyDirectory(), RuntimeHostFileName);

    /// <summary>LocalCloud's Node.js runtime client, shipped beside this assembly (source: Runtimes/Node).</summary>
    public string NodeRuntimePath { get; set; } = Path.Combine(AssemblyDirectory(), "lambda-runtimes", "node", "index.mjs");

    /// <summary>LocalCloud's Python runtime client, shipped beside this assembly (source: Runtimes/Python).</summary>
    public string PythonRuntimePath { get; set; } = Path.Combine(AssemblyDirectory(), "lambda-runtimes", "python", "bootstrap.py");

    /// <summary>The node that runs nodejs*.x functions (looked up on PATH by name).</summary>
    public string NodeExecutable { get; set; } = "node";

    internal const string DefaultPython = "python3";

    /// <summary>The python that runs python3.* functions; left at "python3", a "python3.N" on PATH matching the runtime is preferred.</summary>
    public string PythonExecutable { get; set; } = DefaultPython;

    /// <summary>The dotnet muxer used to start <see cref="DotnetRuntimeHostPath"/>.</summary>
    public string DotnetExecutable { get; set; } = DefaultDotnetExecutable();

    /// <summary>
    /// Invocations of one function running at once; further ones wait for a free worker (they are not throttled).
    /// </summary>
    /// <remarks>
    /// One worker per processor, between 2 and 4: each is a process of its own (a dotnet one occupies about 45 MiB
    /// beyond the pages they share, and JIT-compiles its code once), and more of them than there are cores run
    /// no faster. On two cores the fifth to twelfth workers of the 1,000-job run cost about a third of the workers' CPU
    /// and 200 MiB (docs/performance.md, decision 0012).
    /// </remarks>
    public int MaxWorkersPerFunction { get; set; } = DefaultMaxWorkersPerFunction;

    /// <summary>The default of <see cref="MaxWorkersPerFunction"/> on this machine.</summary>
    public static int DefaultMaxWorkersPerFunction { get; } = Math.Clamp(Environment.ProcessorCount, 2, 4);

    /// <summary>A warm worker with nothing to do for this long is stopped.</summary>
    public TimeSpan WorkerIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a new worker may take to ask for its first event. AWS limits the Init phase to 10 seconds
    /// (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html); a cold dotnet start on a
    /// busy laptop can be slow, so the default is more generous.
    /// </summary>
    public TimeSpan InitTimeout { get; set; } = TimeSpan.FromSeconds(30);

    private static string AssemblyDirectory()
    {
        var location = typeof(LambdaOptions).Assembly.Location;
        return string.IsNullOrEmpty(location) ? AppContext.BaseDirectory : Path.GetDirectoryName(location)!;
    }

    private static string DefaultDotnetExecutable()
    {
        var processPath = Environment.ProcessPath;
        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return processPath;
        }
        // The SDK sets DOTNET_HOST_PATH for processes it starts (dotnet test, dotnet run).
        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(hostPath) && File.Exists(hostPath) ? hostPath : "dotnet";
    }
}
