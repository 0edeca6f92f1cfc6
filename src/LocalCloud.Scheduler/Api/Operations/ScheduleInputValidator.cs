using System.Text.RegularExpressions;
using LocalCloud.Core;
using LocalCloud.Scheduler.Expressions;
using LocalCloud.Scheduler.Model;
using LocalCloud.Scheduler.Storage;

namespace LocalCloud.Scheduler.Api.Operations;

/// <summary>
/// Checks a CreateSchedule/UpdateSchedule body against the model's constraints (scheduler.json: required
/// members, lengths, patterns, enums, ranges), then AWS's semantic rules, and builds the stored schedule.
/// </summary>
internal static class ScheduleInputValidator
{
    private const string RoleArnPattern = @"^arn:aws(-[a-z]+)?:iam::\d{12}:role\/[\w+=,.@\/-]+$";
    private const string KmsKeyArnPattern = @"^arn:aws(-[a-z]+)?:kms:[a-z0-9\-]+:\d{12}:(key|alias)\/[0-9a-zA-Z-_]*$";
    private const string DeadLetterArnPattern = @"^arn:aws(-[a-z]+)?:sqs:[a-z0-9\-]+:\d{12}:[a-zA-Z0-9\-_]+$";
    private const string ClientTokenPattern = "^[a-zA-Z0-9-_]+$";

    public static Schedule Validate(string name, ScheduleInput input, RequestContext context, DateTimeOffset now, DateTimeOffset? creationDate)
    {
        var group = RequestReader.GroupOrDefault("groupName", input.GroupName);
        CheckMembers(input);
        var expression = input.ScheduleExpression!;
        var parsed = ScheduleExpressionParser.TryParse(expression) ?? throw SchedulerErrors.InvalidExpression(expression);
        var zoneId = input.ScheduleExpressionTimezone ?? "UTC";
        _ = FindZone(zoneId);
        var window = input.FlexibleTimeWindow!;
        if (window.Mode == "FLEXIBLE" && window.MaximumWindowInMinutes is null)
        {
            throw SchedulerErrors.FlexibleWindowMissing();
        }
        if (window.Mode == "OFF" && window.MaximumWindowInMinutes is not null)
        {
            throw SchedulerErrors.FlexibleWindowNotAllowed();
        }
        if (!parsed.IsOneTime && input.EndDate is { } end)
        {
            if (input.StartDate is { } start && end <= start)
            {
                throw SchedulerErrors.EndBeforeStart();
            }
            if (end <= now)
            {
                throw SchedulerErrors.EndInPast();
            }
        }
        return new Schedule
        {
            AccountId = context.AccountId,
            Region = context.Region,
            Arn = ScheduleStore.ScheduleArn(context.AccountId, context.Region, group, name),
            Name = name,
            GroupName = group,
            ScheduleExpression = expression,
            ScheduleExpressionTimezone = zoneId,
            StartDate = input.StartDate,
            EndDate = input.EndDate,
            State = input.State ?? ScheduleStates.Enabled,
            Description = input.Description,
            FlexibleTimeWindow = window,
            Target = input.Target!,
            ActionAfterCompletion = input.ActionAfterCompletion ?? "NONE",
            KmsKeyArn = input.KmsKeyArn,
            CreationDate = creationDate ?? now,
            LastModificationDate = now,
        };
    }

    public static TimeZoneInfo FindZone(string zoneId)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw SchedulerErrors.InvalidTimezone(zoneId);
        }
    }

    private static void CheckMembers(ScheduleInput input)
    {
        Length("scheduleExpression", input.ScheduleExpression ?? throw SchedulerErrors.Missing("scheduleExpression"), 1, 256);
        var window = input.FlexibleTimeWindow ?? throw SchedulerErrors.Missing("flexibleTimeWindow");
        Enum("flexibleTimeWindow.mode", window.Mode ?? throw SchedulerErrors.Missing("flexibleTimeWindow.mode"), "OFF", "FLEXIBLE");
        Range("flexibleTimeWindow.maximumWindowInMinutes", window.MaximumWindowInMinutes, 1, 1440);
        var target = input.Target ?? throw SchedulerErrors.Missing("target");
        Length("target.arn", target.Arn ?? throw SchedulerErrors.Missing("target.arn"), 1, 1600);
        Length("target.roleArn", target.RoleArn ?? throw SchedulerErrors.Missing("target.roleArn"), 1, 1600);
        Pattern("target.roleArn", target.RoleArn, RoleArnPattern);
        if (target.Input is { Length: 0 })
        {
            throw SchedulerErrors.Length("target.input", "", 1, int.MaxValue);
        }
        Range("target.retryPolicy.maximumEventAgeInSeconds", target.RetryPolicy?.MaximumEventAgeInSeconds, 60, 86400);
        Range("target.retryPolicy.maximumRetryAttempts", target.RetryPolicy?.MaximumRetryAttempts, 0, 185);
        if (target.DeadLetterConfig?.Arn is { } dlq)
        {
            Pattern("target.deadLetterConfig.arn", dlq, DeadLetterArnPattern);
        }
        if (input.State is { } state)
        {
            Enum("state", state, ScheduleStates.Enabled, ScheduleStates.Disabled);
        }
        if (input.ActionAfterCompletion is { } action)
        {
            Enum("actionAfterCompletion", action, "NONE", "DELETE");
        }
        if (input.Description is { } description)
        {
            Length("description", description, 0, 512);
        }
        if (input.ScheduleExpressionTimezone is { } zone)
        {
            Length("scheduleExpressionTimezone", zone, 1, 50);
        }
        if (input.KmsKeyArn is { } kms)
        {
            Length("kmsKeyArn", kms, 1, 2048);
            Pattern("kmsKeyArn", kms, KmsKeyArnPattern);
        }
        if (input.ClientToken is { } token)
        {
            Length("clientToken", token, 1, 64);
            Pattern("clientToken", token, ClientTokenPattern);
        }
    }

    private static void Length(string member, string value, int min, int max)
    {
        if (value.Length < min || value.Length > max)
        {
            throw SchedulerErrors.Length(member, value, min, max);
        }
    }

    private static void Pattern(string member, string value, string pattern)
    {
        if (!Regex.IsMatch(value, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            throw SchedulerErrors.Pattern(member, value, pattern);
        }
    }

    private static void Enum(string member, string value, params string[] allowed)
    {
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            throw SchedulerErrors.Enum(member, value, allowed);
        }
    }

    private static void Range(string member, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            throw SchedulerErrors.Range(member, v, min, max);
        }
    }
}
