using System.Globalization;
using System.Text.RegularExpressions;
using LocalCloud.Lambda;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Api;

/// <summary>The API model's constraints on alias members (shapes Alias, VersionWithLatestPublished, AdditionalVersion, Weight) and Lambda's routing rules.</summary>
internal static partial class AliasValidation
{
    public static string Name(string? name)
    {
        if (name is null)
        {
            throw LambdaErrors.Validation("name", "null", "Member must not be null");
        }
        if (name.Length is 0 or > 128)
        {
            throw LambdaErrors.Validation("name", name, "Member must have length between 1 and 128");
        }
        if (!AliasName().IsMatch(name))
        {
            throw LambdaErrors.Validation("name", name, "Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)");
        }
        return name;
    }

    public static string FunctionVersion(string? version)
    {
        if (version is null)
        {
            throw LambdaErrors.Validation("functionVersion", "null", "Member must not be null");
        }
        if (version.Length is 0 or > 1024 || (version != FunctionVersions.Latest && !FunctionVersions.IsNumber(version)))
        {
            throw LambdaErrors.Validation("functionVersion", version, "Member must satisfy regular expression pattern: (\\$LATEST|[0-9]+)");
        }
        return version;
    }

    /// <summary>
    /// At most one additional version, a published one other than the primary, weight 0–1; $LATEST cannot take part
    /// in routing (https://docs.aws.amazon.com/lambda/latest/dg/configuring-alias-routing.html).
    /// </summary>
    public static IReadOnlyDictionary<string, double>? Weights(IReadOnlyDictionary<string, double>? weights, string primary, Func<string, bool> versionExists, string functionArn)
    {
        if (weights is null || weights.Count == 0)
        {
            return null;
        }
        if (weights.Count > 1)
        {
            throw LambdaErrors.InvalidParameter("Number of items in AdditionalVersionWeights cannot be greater than 1");
        }
        var (version, weight) = weights.First();
        var shown = string.Create(CultureInfo.InvariantCulture, $"{{{version}={weight}}}");
        if (double.IsNaN(weight) || weight < 0.0 || weight > 1.0)
        {
            throw LambdaErrors.Validation("routingConfig.additionalVersionWeights", shown, "Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0, Member must not be null]");
        }
        if (!FunctionVersions.IsNumber(version))
        {
            throw LambdaErrors.Validation("routingConfig.additionalVersionWeights", shown, "Map keys must satisfy constraint: [Member must have length less than or equal to 1024, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [0-9]+, Member must not be null]");
        }
        if (version == primary)
        {
            throw LambdaErrors.InvalidParameter($"Invalid function version {primary}. Function version {primary} is already included in routing configuration.");
        }
        if (primary == FunctionVersions.Latest)
        {
            throw LambdaErrors.InvalidParameter("$LATEST is not supported for an alias pointing to more than 1 version");
        }
        if (!versionExists(version))
        {
            throw LambdaErrors.FunctionNotFound($"{functionArn}:{version}");
        }
        return new Dictionary<string, double>(weights, StringComparer.Ordinal);
    }

    [GeneratedRegex("^(?![0-9]+$)[a-zA-Z0-9\\-_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex AliasName();
}
