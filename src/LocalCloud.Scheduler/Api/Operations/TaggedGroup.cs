using System.Text.RegularExpressions;
using LocalCloud.Core;
using LocalCloud.Scheduler.Model;

namespace LocalCloud.Scheduler.Api.Operations;

/// <summary>
/// What CreateScheduleGroup and the three tag operations share: the model's limits on tags, and resolving a
/// ResourceArn, which names a schedule group (https://docs.aws.amazon.com/scheduler/latest/APIReference/API_TagResource.html).
/// </summary>
internal static partial class TaggedGroup
{
    private const string ArnPattern = @"^arn:aws(-[a-z]+)?:scheduler:[a-z0-9\-]+:\d{12}:schedule-group\/[0-9a-zA-Z-_.]+$";
    private const int MaxTags = 200;

    /// <summary>The group's name, once the ARN is well formed; a group of another account or region is not found.</summary>
    public static string GroupName(ServiceRequest request, string arn)
    {
        if (arn.Length is < 1 or > 1011)
        {
            throw SchedulerErrors.Length("resourceArn", arn, 1, 1011);
        }
        var match = Arn().Match(arn);
        if (!match.Success)
        {
            throw SchedulerErrors.Pattern("resourceArn", arn, ArnPattern);
        }
        var name = match.Groups["name"].Value;
        var context = request.Context;
        return match.Groups["region"].Value == context.Region && match.Groups["account"].Value == context.AccountId
            ? name
            : throw SchedulerErrors.GroupNotFound(name);
    }

    public static IReadOnlyList<Tag> Validate(IReadOnlyList<Tag>? tags, bool required)
    {
        if (tags is null)
        {
            return required ? throw SchedulerErrors.Missing("tags") : [];
        }
        if (tags.Count > MaxTags)
        {
            throw SchedulerErrors.Validation($"1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to {MaxTags}");
        }
        for (var i = 0; i < tags.Count; i++)
        {
            var (key, value) = (tags[i]?.Key, tags[i]?.Value);
            var member = $"tags.{i + 1}.member";
            if (key is null || value is null)
            {
                throw SchedulerErrors.Missing(key is null ? $"{member}.key" : $"{member}.value");
            }
            if (key.Length is < 1 or > 128)
            {
                throw SchedulerErrors.Length($"{member}.key", key, 1, 128);
            }
            if (value.Length is < 1 or > 256)
            {
                throw SchedulerErrors.Length($"{member}.value", value, 1, 256);
            }
        }
        return tags;
    }

    /// <summary>Existing tags with <paramref name="added"/> set over them (same key replaces), in first-set order.</summary>
    public static IReadOnlyList<Tag> Merge(IReadOnlyList<Tag>? existing, IReadOnlyList<Tag> added)
    {
        var merged = (existing ?? []).ToList();
        foreach (var tag in added)
        {
            var at = merged.FindIndex(t => t.Key == tag.Key);
            if (at >= 0)
            {
                merged[at] = tag;
            }
            else
            {
                merged.Add(tag);
            }
        }
        return merged;
    }

    [GeneratedRegex(@"^arn:aws(-[a-z]+)?:scheduler:(?<region>[a-z0-9\-]+):(?<account>\d{12}):schedule-group\/(?<name>[0-9a-zA-Z-_.]+)$")]
    private static partial Regex Arn();
}
