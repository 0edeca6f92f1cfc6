using LocalCloud.Core;

namespace LocalCloud.Scheduler;

/// <summary>
/// Every error this service sends, in one place. Scheduler's error shapes carry "Message" (the model's
/// member name); the core writes "message", so both are sent and any SDK finds its member.
/// Member validation messages follow AWS's usual "1 validation error detected: ..." form.
/// </summary>
internal static class SchedulerErrors
{
    public static AwsServiceException Validation(string message) => Create("ValidationException", message, 400);

    public static AwsServiceException InvalidExpression(string expression) => Validation($"Invalid Schedule Expression {expression}.");

    public static AwsServiceException Missing(string member)
        => Validation($"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");

    public static AwsServiceException Pattern(string member, string value, string pattern)
        => Validation($"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: {pattern}");

    public static AwsServiceException Length(string member, string value, int min, int max)
        => Validation($"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must have length between {min} and {max}, inclusive");

    public static AwsServiceException Range(string member, long value, long min, long max)
        => Validation($"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must have value between {min} and {max}, inclusive");

    public static AwsServiceException Enum(string member, string value, params string[] allowed)
        => Validation($"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", allowed)}]");

    public static AwsServiceException InvalidTimezone(string zone) => Validation($"Invalid timezone: {zone}.");

    public static AwsServiceException EndBeforeStart() => Validation("The EndDate must be after the StartDate.");

    public static AwsServiceException EndInPast() => Validation("The EndDate must be in the future.");

    public static AwsServiceException FlexibleWindowMissing()
        => Validation("MaximumWindowInMinutes must be provided when FlexibleTimeWindow Mode is FLEXIBLE.");

    public static AwsServiceException FlexibleWindowNotAllowed()
        => Validation("MaximumWindowInMinutes must not be provided when FlexibleTimeWindow Mode is OFF.");

    public static AwsServiceException BadBody(string detail) => Validation($"The request body is not valid JSON for this operation: {detail}");

    public static AwsServiceException ScheduleNotFound(string name) => Create("ResourceNotFoundException", $"Schedule {name} does not exist.", 404);

    public static AwsServiceException GroupNotFound(string name) => Create("ResourceNotFoundException", $"Schedule group {name} does not exist.", 404);

    public static AwsServiceException ScheduleExists(string name) => Create("ConflictException", $"Schedule {name} already exists.", 409);

    public static AwsServiceException GroupExists(string name) => Create("ConflictException", $"Schedule group {name} already exists.", 409);

    public static AwsServiceException DefaultGroupUndeletable() => Validation("The default schedule group cannot be deleted.");

    public static AwsServiceException NotImplemented(string operation)
        => Create("UnknownOperationException", $"Operation {operation} is not implemented by LocalCloud's EventBridge Scheduler yet.", 501);

    private static AwsServiceException Create(string code, string message, int status)
        => new(code, message, status) { ExtraMembers = new Dictionary<string, object?> { ["Message"] = message } };
}
