using System.Diagnostics;
using System.Globalization;
using System.Text;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Execution;

/// <summary>
/// Builds a worker's command line and environment: AWS's reserved variables
/// (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime),
/// then the function's own. The parent's AWS_* variables are never inherited.
/// </summary>
internal sealed class WorkerLauncher(LambdaOptions options, TimeProvider time)
{
    public const string RuntimePathPrefix = "/_localcloud/lambda-runtime/";

    private readonly Interpreters _interpreters = new(options);

    /// <exception cref="RuntimeUnavailableException">The runtime's interpreter is missing or too old.</exception>
    public ProcessStartInfo CreateStartInfo(FunctionRecord function, string workerId)
    {
        var kind = SupportedRuntimes.Of(function.Runtime);
        var taskRoot = function.Code.TaskRoot;
        var startInfo = new ProcessStartInfo
        {
            WorkingDirectory = taskRoot,
            UseShellExecute = false,
            RedirectStandardInput = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        string runtimeDirectory;
        switch (kind)
        {
            case RuntimeKind.Dotnet:
                startInfo.FileName = options.DotnetExecutable;
                startInfo.ArgumentList.Add(options.DotnetRuntimeHostPath);
                runtimeDirectory = Path.GetDirectoryName(options.DotnetRuntimeHostPath)!;
                break;
            case RuntimeKind.Node or RuntimeKind.Python:
                var (executable, problem) = _interpreters.Resolve(kind, function.Runtime);
                startInfo.FileName = executable ?? throw new RuntimeUnavailableException(problem!);
                var client = kind == RuntimeKind.Node ? options.NodeRuntimePath : options.PythonRuntimePath;
                if (kind == RuntimeKind.Node)
                {
                    // V8's heap limit from MemorySize, so a function that outgrows it fails as it would on AWS
                    // (a little below MemorySize: the process needs room beyond the JavaScript heap).
                    startInfo.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--max-old-space-size={Math.Max(16, function.MemorySize * 9 / 10)}"));
                }
                startInfo.ArgumentList.Add(client);
                runtimeDirectory = Path.GetDirectoryName(client)!;
                break;
            default:
                startInfo.FileName = Path.Combine(taskRoot, "bootstrap");
                runtimeDirectory = taskRoot;
                break;
        }

        var env = startInfo.Environment;
        foreach (var key in env.Keys.Where(k => k.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase) || k.StartsWith("LAMBDA_", StringComparison.OrdinalIgnoreCase) || k == "_HANDLER").ToList())
        {
            env.Remove(key);
        }
        var runtimeApi = options.RuntimeApiBaseUrl();
        var endpoint = options.AwsEndpointUrl().ToString().TrimEnd('/');
        env["AWS_LAMBDA_RUNTIME_API"] = runtimeApi.Authority + runtimeApi.AbsolutePath.TrimEnd('/') + RuntimePathPrefix + workerId;
        env["_HANDLER"] = function.Handler ?? string.Empty;
        env["LAMBDA_TASK_ROOT"] = taskRoot;
        env["LAMBDA_RUNTIME_DIR"] = runtimeDirectory;
        env["AWS_EXECUTION_ENV"] = "AWS_Lambda_" + function.Runtime;
        env["AWS_LAMBDA_FUNCTION_NAME"] = function.FunctionName;
        env["AWS_LAMBDA_FUNCTION_VERSION"] = function.Version;
        env["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = function.MemorySize.ToString(CultureInfo.InvariantCulture);
        env["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand";
        env["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + function.FunctionName;
        env["AWS_LAMBDA_LOG_STREAM_NAME"] = time.GetUtcNow().ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture) + "/[" + function.Version + "]" + workerId;
        env["AWS_REGION"] = function.Region;
        env["AWS_DEFAULT_REGION"] = function.Region;
        env["AWS_ACCESS_KEY_ID"] = function.AccountId;
        env["AWS_SECRET_ACCESS_KEY"] = options.WorkerSecretAccessKey;
        env["AWS_SESSION_TOKEN"] = options.WorkerSessionToken;
        env["AWS_ENDPOINT_URL"] = endpoint;
        env["TZ"] = ":UTC";
        if (kind == RuntimeKind.Dotnet && !function.Variables.TryGetValue("AWS_LAMBDA_DOTNET_DISABLE_MEMORY_LIMIT_CHECK", out _))
        {
            // AWS's .NET runtime (RuntimeSupport) caps its GC heap at MemorySize unless the function sets
            // AWS_LAMBDA_DOTNET_DISABLE_MEMORY_LIMIT_CHECK: allocations beyond it throw OutOfMemoryException.
            env["DOTNET_GCHeapHardLimit"] = ((long)function.MemorySize * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture);
        }
        if (kind == RuntimeKind.Python)
        {
            // As AWS sets it: print() reaches the log at once.
            env["PYTHONUNBUFFERED"] = "1";
            // The task root is the function's package, read-only on AWS: no __pycache__ written into it.
            env["PYTHONDONTWRITEBYTECODE"] = "1";
        }
        foreach (var (key, value) in function.Variables)
        {
            env[key] = value;
        }
        return startInfo;
    }

    /// <summary>Zips made on Windows lose the execute bit; Lambda runs bootstrap regardless, so set it.</summary>
    public static void MakeBootstrapExecutable(FunctionRecord function)
    {
        var bootstrap = Path.Combine(function.Code.TaskRoot, "bootstrap");
        if (!OperatingSystem.IsWindows() && File.Exists(bootstrap))
        {
            File.SetUnixFileMode(bootstrap, File.GetUnixFileMode(bootstrap) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }
}
