using System.Text.RegularExpressions;
using LocalCloud.Core;
using LocalCloud.Lambda;

namespace LocalCloud.Lambda.Api;

/// <summary>
/// A FunctionName as Lambda accepts it: "name", "name:qualifier", "123456789012:function:name" (partial ARN) or
/// "arn:aws:lambda:us-east-1:123456789012:function:name[:qualifier]". Account and region default to the caller's.
/// </summary>
internal sealed partial record FunctionReference(string AccountId, string Region, string Name, string? Qualifier)
{
    public string Arn => Functions.FunctionArns.Of(Region, AccountId, Name);

    public static FunctionReference Parse(string? functionName, RequestContext context, string? qualifier = null)
    {
        if (string.IsNullOrEmpty(functionName) || functionName.Length > 256)
        {
            throw LambdaErrors.Validation("functionName", functionName ?? string.Empty, "Member must have length between 1 and 256");
        }
        if (qualifier is not null && (qualifier.Length is 0 or > 128 || !qualifier.All(c => char.IsAsciiLetterOrDigit(c) || c is '$' or '_' or '-')))
        {
            throw LambdaErrors.Validation("qualifier", qualifier, "Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)");
        }
        var match = Pattern().Match(functionName);
        if (!match.Success)
        {
            throw LambdaErrors.Validation("functionName", functionName, "Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
        }
        var name = match.Groups["name"].Value;
        if (name.Length > 64)
        {
            throw LambdaErrors.InvalidParameter($"Function name {name} is longer than 64 characters.");
        }
        var fromName = match.Groups["qualifier"].Success ? match.Groups["qualifier"].Value : null;
        if (fromName is not null && qualifier is not null && fromName != qualifier)
        {
            throw LambdaErrors.InvalidParameter("The derived qualifier from the function name does not match the specified qualifier.");
        }
        var region = match.Groups["region"].Success ? match.Groups["region"].Value : context.Region;
        var account = match.Groups["account"].Success ? match.Groups["account"].Value : context.AccountId;
        return new FunctionReference(account, region, name, fromName ?? qualifier);
    }

    /// <summary>Operations on the function itself (updates, tags, settings) take $LATEST only; a version or alias names nothing there.</summary>
    public void RequireLatest()
    {
        if (Qualifier is not null && Qualifier != "$LATEST")
        {
            throw LambdaErrors.FunctionNotFound($"{Arn}:{Qualifier}");
        }
    }

    [GeneratedRegex(@"^(?:arn:aws[a-zA-Z-]*:lambda:(?<region>[a-z]{2}(?:-gov)?-[a-z]+-\d):(?<account>\d{12}):function:|(?<account>\d{12}):function:)?(?<name>[a-zA-Z0-9\-_]+)(?::(?<qualifier>\$LATEST|[a-zA-Z0-9\-_]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
