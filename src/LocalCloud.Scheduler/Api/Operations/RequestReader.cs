using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using LocalCloud.Core;
using LocalCloud.Scheduler.Api;
using LocalCloud.Scheduler.Model;

namespace LocalCloud.Scheduler.Api.Operations;

/// <summary>Reads a restJson1 request's URI labels, query string and JSON body, checking the model's constraints.</summary>
internal static partial class RequestReader
{
    public const string NamePattern = "^[0-9a-zA-Z-_.]+$";

    public static T Body<T>(ServiceRequest request)
        where T : class
    {
        if (request.Body.IsEmpty)
        {
            return JsonSerializer.Deserialize<T>("{}"u8, SchedulerJson.Options)!;
        }
        try
        {
            return JsonSerializer.Deserialize<T>(request.Body.Span, SchedulerJson.Options)
                ?? throw SchedulerErrors.BadBody("the body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw SchedulerErrors.BadBody(e.Message);
        }
    }

    /// <summary>A schedule or group name (URI label, body member or query parameter): 1-64 of [0-9a-zA-Z-_.].</summary>
    public static string Name(string member, string? value)
    {
        if (value is null)
        {
            throw SchedulerErrors.Missing(member);
        }
        if (value.Length is < 1 or > 64)
        {
            throw SchedulerErrors.Length(member, value, 1, 64);
        }
        return NameRegex().IsMatch(value) ? value : throw SchedulerErrors.Pattern(member, value, NamePattern);
    }

    public static string GroupOrDefault(string member, string? value)
        => value is null ? ScheduleGroup.DefaultName : Name(member, value);

    public static string? Query(ServiceRequest request, string name)
        => request.Query.TryGetValue(name, out var value) ? value : null;

    public static int? QueryInt(ServiceRequest request, string name, int min, int max)
    {
        if (Query(request, name) is not { } text)
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw SchedulerErrors.Validation($"1 validation error detected: Value '{text}' at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must be a number");
        }
        return value >= min && value <= max ? value : throw SchedulerErrors.Range(char.ToLowerInvariant(name[0]) + name[1..], value, min, max);
    }

    [GeneratedRegex(NamePattern)]
    private static partial Regex NameRegex();
}
