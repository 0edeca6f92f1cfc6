using System.Text.Json;
using System.Text.RegularExpressions;
using Poc.Cli.Cli;

namespace Poc.Cli.Deploy;

/// <summary>
/// Replaces CDK-style <c>${Name}</c> definition substitutions in an ASL file, the way
/// CloudFormation's DefinitionSubstitutions does, and refuses a placeholder it has no value for.
/// </summary>
/// <remarks>https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-stepfunctions-statemachine.html</remarks>
public static partial class AslTemplate
{
    /// <summary>The placeholder for poc-create-job's ARN.</summary>
    public const string CreateJobFunctionArn = "CreateJobFunctionArn";

    /// <summary>The placeholder for poc-simulated-api's ARN.</summary>
    public const string SimulatedApiFunctionArn = "SimulatedApiFunctionArn";

    /// <summary>
    /// The definition with every placeholder replaced. Throws <see cref="PocException"/> naming the file and
    /// the placeholder when one has no value, or when the result is not JSON.
    /// </summary>
    public static string Substitute(string template, IReadOnlyDictionary<string, string> values, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var unknown = Placeholder().Matches(template)
            .Select(m => m.Groups["name"].Value)
            .Where(name => !values.ContainsKey(name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (unknown.Count > 0)
        {
            throw new PocException(Messages.UnknownAslPlaceholder(sourceName, unknown, values.Keys));
        }

        // The ARN lands inside a JSON string, so it is escaped as one (ARNs never need it, but a typo must not break the JSON).
        var result = Placeholder().Replace(
            template, m => JsonEncodedText.Encode(values[m.Groups["name"].Value]).ToString());
        try
        {
            using var _ = JsonDocument.Parse(result);
        }
        catch (JsonException e)
        {
            throw new PocException(Messages.AslNotJson(sourceName, e.Message), e);
        }

        return result;
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z0-9_]+)\}")]
    private static partial Regex Placeholder();
}
