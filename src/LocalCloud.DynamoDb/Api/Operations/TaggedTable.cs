using System.Text.RegularExpressions;
using LocalCloud.Core;
using LocalCloud.DynamoDb.Api;
using LocalCloud.DynamoDb.Api.Shapes;
using LocalCloud.DynamoDb.Persistence;
using LocalCloud.DynamoDb.Storage;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>
/// What TagResource, UntagResource and ListTagsOfResource share: the ResourceArn must name a table of
/// the caller's account and region (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Tagging.html).
/// </summary>
internal static partial class TaggedTable
{
    public const int MaxTags = 50;

    public static ITableStore Resolve(DynamoDbBackend engine, RequestContext context, string? arn)
    {
        if (arn is null)
        {
            throw AwsServiceException.Validation(DynamoDbErrors.MemberNull("resourceArn"));
        }
        var match = TableArn().Match(arn);
        if (!match.Success)
        {
            throw AwsServiceException.Validation($"Invalid TableArn: Invalid ResourceArn provided as input {arn}");
        }
        var table = match.Groups["region"].Value == context.Region && match.Groups["account"].Value == context.AccountId
            ? engine.Store(context).Open(match.Groups["table"].Value)
            : null;
        return table ?? throw DynamoDbErrors.NotFound($"{DynamoDbErrors.ResourceNotFound}: ResourceArn: {arn} not found");
    }

    public static void Validate(Tag tag)
    {
        if (tag.Key is not { Length: >= 1 and <= 128 })
        {
            throw AwsServiceException.Validation($"1 validation error detected: Value '{tag.Key}' at 'tags.member.key' failed to satisfy constraint: Member must have length between 1 and 128");
        }
        if (tag.Value is not { Length: <= 256 })
        {
            throw AwsServiceException.Validation($"1 validation error detected: Value '{tag.Value}' at 'tags.member.value' failed to satisfy constraint: Member must have length less than or equal to 256");
        }
        if (tag.Key.StartsWith("aws:", StringComparison.Ordinal))
        {
            throw AwsServiceException.Validation("One or more parameter values were invalid: Tag keys starting with the aws: prefix are reserved for AWS use");
        }
    }

    /// <summary>Existing tags with <paramref name="added"/> set over them (same key replaces), in first-set order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Merge(IReadOnlyList<KeyValuePair<string, string>>? existing, IEnumerable<Tag> added)
    {
        var merged = (existing ?? []).ToList();
        foreach (var tag in added)
        {
            Validate(tag);
            var at = merged.FindIndex(t => t.Key == tag.Key);
            if (at >= 0)
            {
                merged[at] = new(tag.Key!, tag.Value!);
            }
            else
            {
                merged.Add(new(tag.Key!, tag.Value!));
            }
        }
        if (merged.Count > MaxTags)
        {
            throw DynamoDbErrors.LimitExceeded($"The number of tags on the resource would exceed the limit of {MaxTags}");
        }
        return merged;
    }

    [GeneratedRegex("^arn:aws[a-z-]*:dynamodb:(?<region>[a-z0-9-]+):(?<account>[0-9]{12}):table/(?<table>[a-zA-Z0-9_.-]{3,255})$")]
    private static partial Regex TableArn();
}
