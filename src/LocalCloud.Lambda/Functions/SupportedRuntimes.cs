namespace LocalCloud.Lambda.Functions;

/// <summary>
/// Runtimes LocalCloud can run without containers. AWS's runtime identifiers
/// (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html); dotnet6 is deprecated on AWS but still
/// a valid identifier, and its class libraries load in our newer host.
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
    };

    public static IEnumerable<string> Names => Runtimes.Keys;

    public static bool TryGet(string runtime, out RuntimeKind kind) => Runtimes.TryGetValue(runtime, out kind);

    public static RuntimeKind Of(string runtime) => Runtimes[runtime];
}
