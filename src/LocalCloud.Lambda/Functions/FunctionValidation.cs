using System.Text.RegularExpressions;
using LocalCloud.Lambda;
using LocalCloud.Lambda.Api.Operations;

namespace LocalCloud.Lambda.Functions;

/// <summary>
/// The checks CreateFunction and UpdateFunctionConfiguration share. Limits from the API model and
/// https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html.
/// </summary>
internal static partial class FunctionValidation
{
    public const int MaxTimeoutSeconds = 900;
    public const int MinMemoryMb = 128;
    public const int MaxMemoryMb = 10_240;
    private const int MaxEnvironmentBytes = 4096;

    /// <summary>Variables Lambda sets itself and refuses to let a function override.</summary>
    private static readonly HashSet<string> ReservedVariables = new(StringComparer.Ordinal)
    {
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
        "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    };

    public static void FunctionName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64 || !NamePattern().IsMatch(name))
        {
            throw LambdaErrors.Validation("functionName", name ?? string.Empty, "Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+ and have length between 1 and 64");
        }
    }

    public static void Role(string? role)
    {
        if (string.IsNullOrEmpty(role) || !RolePattern().IsMatch(role))
        {
            throw LambdaErrors.Validation("role", role ?? string.Empty, "Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
        }
    }

    public static RuntimeKind Runtime(string? runtime)
    {
        if (string.IsNullOrEmpty(runtime))
        {
            throw LambdaErrors.InvalidParameter("Runtime is required for .zip deployment packages.");
        }
        if (!SupportedRuntimes.TryGet(runtime, out var kind))
        {
            throw LambdaErrors.InvalidParameter($"The runtime parameter of {runtime} is not supported by LocalCloud. Supported runtimes: {string.Join(", ", SupportedRuntimes.Names)}.");
        }
        return kind;
    }

    /// <summary>
    /// dotnet handlers are "Assembly::Namespace.Type::Method"
    /// (https://docs.aws.amazon.com/lambda/latest/dg/csharp-handler.html); custom runtimes interpret the handler themselves.
    /// </summary>
    public static void Handler(string? handler, RuntimeKind kind)
    {
        if (handler is not null && (handler.Length > 128 || (handler.Length > 0 && handler.Any(char.IsWhiteSpace))))
        {
            throw LambdaErrors.Validation("handler", handler, "Member must satisfy regular expression pattern: [^\\s]+ and have length less than or equal to 128");
        }
        if (kind != RuntimeKind.Dotnet)
        {
            return;
        }
        var parts = handler?.Split("::") ?? [];
        if (parts.Length != 3 || parts.Any(string.IsNullOrEmpty))
        {
            throw LambdaErrors.InvalidParameter($"The handler '{handler}' is not valid for a dotnet runtime: expected 'Assembly::Namespace.Type::Method'. LocalCloud does not run executable-assembly handlers.");
        }
    }

    public static void Timeout(int timeout)
    {
        if (timeout < 1 || timeout > MaxTimeoutSeconds)
        {
            throw LambdaErrors.Validation("timeout", timeout.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Member must have value between 1 and {MaxTimeoutSeconds}");
        }
    }

    public static void MemorySize(int memory)
    {
        if (memory < MinMemoryMb || memory > MaxMemoryMb)
        {
            throw LambdaErrors.Validation("memorySize", memory.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Member must have value between {MinMemoryMb} and {MaxMemoryMb}");
        }
    }

    public static void Description(string? description)
    {
        if (description is { Length: > 256 })
        {
            throw LambdaErrors.Validation("description", description, "Member must have length less than or equal to 256");
        }
    }

    public static IReadOnlyList<string> Architectures(List<string>? architectures)
    {
        if (architectures is null)
        {
            return ["x86_64"];
        }
        if (architectures.Count != 1 || (architectures[0] != "x86_64" && architectures[0] != "arm64"))
        {
            throw LambdaErrors.Validation("architectures", string.Join(",", architectures), "Member must have length 1 and satisfy enum value set: [x86_64, arm64]");
        }
        return [architectures[0]];
    }

    public static IReadOnlyDictionary<string, string> Variables(Dictionary<string, string>? variables)
    {
        if (variables is null || variables.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }
        foreach (var key in variables.Keys)
        {
            if (!VariableNamePattern().IsMatch(key))
            {
                throw LambdaErrors.Validation("environment.variables", key, "Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+");
            }
        }
        var reserved = variables.Keys.Where(ReservedVariables.Contains).ToList();
        if (reserved.Count > 0)
        {
            throw LambdaErrors.InvalidParameter($"Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: {string.Join(", ", reserved)}");
        }
        // AWS measures the variables as their JSON text.
        var size = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(variables).Length;
        if (size > MaxEnvironmentBytes)
        {
            throw LambdaErrors.InvalidParameter($"Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: {size} bytes");
        }
        return new Dictionary<string, string>(variables, StringComparer.Ordinal);
    }

    [GeneratedRegex("^[a-zA-Z0-9\\-_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex("^arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RolePattern();

    [GeneratedRegex("^[a-zA-Z]([a-zA-Z0-9_])+$", RegexOptions.CultureInvariant)]
    private static partial Regex VariableNamePattern();
}
