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
        if (kind == RuntimeKind.Dotnet)
        {
            startInfo.FileName = options.DotnetExecutable;
            startInfo.ArgumentList.Add(options.DotnetRuntimeHostPath);
        }
        else
        {
            startInfo.FileName = Path.Combine(taskRoot, "bootstrap");
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
        env["LAMBDA_RUNTIME_DIR"] = kind == RuntimeKind.Dotnet ? Path.GetDirectoryName(options.DotnetRuntimeHostPath) : taskRoot;
        env["AWS_EXECUTION_ENV"] = "AWS_Lambda_" + function.Runtime;
        env["AWS_LAMBDA_FUNCTION_NAME"] = function.FunctionName;
        env["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        env["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = function.MemorySize.ToString(CultureInfo.InvariantCulture);
        env["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand";
        env["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + function.FunctionName;
        env["AWS_LAMBDA_LOG_STREAM_NAME"] = time.GetUtcNow().ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture) + "/[$LATEST]" + workerId;
        env["AWS_REGION"] = function.Region;
        env["AWS_DEFAULT_REGION"] = function.Region;
        env["AWS_ACCESS_KEY_ID"] = function.AccountId;
        env["AWS_SECRET_ACCESS_KEY"] = options.WorkerSecretAccessKey;
        env["AWS_SESSION_TOKEN"] = options.WorkerSessionToken;
        env["AWS_ENDPOINT_URL"] = endpoint;
        env["TZ"] = ":UTC";
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
