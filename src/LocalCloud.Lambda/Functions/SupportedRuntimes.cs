namespace LocalCloud.Lambda.Functions;

/// <summary>
/// Runtimes LocalCloud can run without containers. AWS's runtime identifiers
/// (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html); dotnet6, nodejs18.x and python3.9 are
/// deprecated on AWS but still valid identifiers for existing functions. Node.js and Python run on the machine's
/// interpreter, whatever its version (see <see cref="Execution.Interpreters"/>).
/// </summary>
internal static class SupportedRuntimes
{
    private static readonly Dictionary<string, RuntimeKind> Runtimes = new(StringComparer.Ordinal)
    {
        ["dotnet6"] = RuntimeKind.Dotnet,
        ["dotnet8"] = RuntimeKind.Dotnet,
        ["dotnet10"] = RuntimeKind.Dotnet,
        ["provided"] = RuntimeKind.Provided,
        ["provided.al2"] = RuntimeKind.Provided,
        ["provided.al2023"] = RuntimeKind.Provided,
        ["nodejs18.x"] = RuntimeKind.Node,
        ["nodejs20.x"] = RuntimeKind.Node,
        ["nodejs22.x"] = RuntimeKind.Node,
        ["nodejs24.x"] = RuntimeKind.Node,
        ["python3.9"] = RuntimeKind.Python,
        ["python3.10"] = RuntimeKind.Python,
        ["python3.11"] = RuntimeKind.Python,
        ["python3.12"] = RuntimeKind.Python,
        ["python3.13"] = RuntimeKind.Python,
        ["python3.14"] = RuntimeKind.Python,
    };

    public static IEnumerable<string> Names => Runtimes.Keys;

    public static bool TryGet(string runtime, out RuntimeKind kind) => Runtimes.TryGetValue(runtime, out kind);

    public static RuntimeKind Of(string runtime) => Runtimes[runtime];

    /// <summary>Whether the worker runs one of LocalCloud's own runtime clients, which mark the end of each invocation's output.</summary>
    public static bool MarksEndOfOutput(RuntimeKind kind) => kind is RuntimeKind.Dotnet or RuntimeKind.Node or RuntimeKind.Python;
}
