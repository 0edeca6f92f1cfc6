using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.Logs;

namespace Poc.Infra.Aws;

// Turns the cdk.json / `cdk deploy -c key=value` context into stack props, with a clear message for each bad value.
internal static class StackSettings
{
    public const string FunctionsPackageKey = "functionsPackage";
    public const string StateMachinesDirKey = "stateMachinesDir";
    public const string QueryLanguageKey = "queryLanguage";
    public const string RemovalPolicyKey = "removalPolicy";
    public const string LogRetentionDaysKey = "logRetentionDays";

    private static readonly Dictionary<int, RetentionDays> RetentionByDays = new()
    {
        [1] = RetentionDays.ONE_DAY,
        [3] = RetentionDays.THREE_DAYS,
        [5] = RetentionDays.FIVE_DAYS,
        [7] = RetentionDays.ONE_WEEK,
        [14] = RetentionDays.TWO_WEEKS,
        [30] = RetentionDays.ONE_MONTH,
        [60] = RetentionDays.TWO_MONTHS,
        [90] = RetentionDays.THREE_MONTHS,
        [180] = RetentionDays.SIX_MONTHS,
        [365] = RetentionDays.ONE_YEAR,
    };

    public static PocStackProps FromContext(Func<string, object?> context, string workingDirectory, Amazon.CDK.Environment? environment)
    {
        ArgumentNullException.ThrowIfNull(context);
        var package = Path.GetFullPath(Text(context, FunctionsPackageKey) ?? "../../out/package/publish", workingDirectory);
        if (!Directory.Exists(package) && !File.Exists(package))
        {
            throw new InvalidOperationException(
                $"Function package {package} not found. Run `dotnet publish src/JobOrchestration.Functions -c Release -o out/package/publish` " +
                $"from the repository root first, or pass -c {FunctionsPackageKey}=<folder or zip>.");
        }

        return new PocStackProps
        {
            Env = environment,
            Description = "Step Functions callback-pattern PoC: poc-callback-workflow, poc-polling-baseline, their functions, tables and poller schedule.",
            FunctionsPackagePath = package,
            StateMachinesDirectory = Path.GetFullPath(Text(context, StateMachinesDirKey) ?? "../statemachines", workingDirectory),
            JsonataWorkflows = IsJsonata(Text(context, QueryLanguageKey)),
            DataRemovalPolicy = RemovalPolicyOf(Text(context, RemovalPolicyKey)),
            LogRetention = RetentionOf(Text(context, LogRetentionDaysKey)),
        };
    }

    internal static bool IsJsonata(string? value) => value?.ToUpperInvariant() switch
    {
        null or "JSONPATH" => false,
        "JSONATA" => true,
        _ => throw new InvalidOperationException($"Context {QueryLanguageKey} must be 'JSONPath' or 'JSONata', got '{value}'."),
    };

    internal static RemovalPolicy RemovalPolicyOf(string? value) => value?.ToUpperInvariant() switch
    {
        null or "DESTROY" => RemovalPolicy.DESTROY,
        "RETAIN" => RemovalPolicy.RETAIN,
        _ => throw new InvalidOperationException($"Context {RemovalPolicyKey} must be 'destroy' or 'retain', got '{value}'."),
    };

    internal static RetentionDays RetentionOf(string? value)
    {
        if (value is null)
        {
            return RetentionDays.TWO_WEEKS;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days)
            && RetentionByDays.TryGetValue(days, out var retention))
        {
            return retention;
        }

        throw new InvalidOperationException(
            $"Context {LogRetentionDaysKey} must be one of {string.Join(", ", RetentionByDays.Keys)}, got '{value}'.");
    }

    // Context from cdk.json arrives as JSON values, from -c as strings; both are read as text.
    private static string? Text(Func<string, object?> context, string key) =>
        context(key) is { } value && Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : null;
}
