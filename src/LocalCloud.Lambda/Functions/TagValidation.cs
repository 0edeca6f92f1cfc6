using LocalCloud.Lambda;
using LocalCloud.Lambda.Api.Operations;

namespace LocalCloud.Lambda.Functions;

/// <summary>Tag rules Lambda enforces (https://docs.aws.amazon.com/lambda/latest/dg/configuration-tags.html).</summary>
internal static class TagValidation
{
    public const int MaxTagsPerResource = 50;

    public static Dictionary<string, string>? Tags(IReadOnlyDictionary<string, string>? tags)
    {
        if (tags is null)
        {
            return null;
        }
        if (tags.Count > MaxTagsPerResource)
        {
            throw LambdaErrors.InvalidParameter($"Number of tags exceeds resource tag limit of {MaxTagsPerResource}.");
        }
        foreach (var (key, value) in tags)
        {
            Key(key);
            if (value is null || value.Length > 256)
            {
                throw LambdaErrors.InvalidParameter($"Tag value for key '{key}' must be between 0 and 256 characters long.");
            }
        }
        return new Dictionary<string, string>(tags, StringComparer.Ordinal);
    }

    public static void Key(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 128)
        {
            throw LambdaErrors.InvalidParameter($"Tag key '{key}' must be between 1 and 128 characters long.");
        }
        if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            throw LambdaErrors.InvalidParameter($"Tag key '{key}' uses the reserved prefix 'aws:'.");
        }
    }
}
