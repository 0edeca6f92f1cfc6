using System.Text;
using LocalCloud.StepFunctions.Engine;

namespace LocalCloud.StepFunctions.Api;

/// <summary>The API model's constraints (required, lengths) checked as AWS reports them.</summary>
public static class Validate
{
    public static string Required(string? value, string member)
        => value ?? throw StepFunctionsErrors.Validation("null", member, "Member must not be null");

    public static T Required<T>(T? value, string member)
        where T : class
        => value ?? throw StepFunctionsErrors.Validation("null", member, "Member must not be null");

    public static void MaxLength(string? value, string member, int max)
    {
        if (value is not null && value.Length > max)
        {
            throw StepFunctionsErrors.Validation($"'{Shorten(value)}'", member, $"Member must have length less than or equal to {max}");
        }
    }

    public static void MaxBytes(string? value, string member, int max)
    {
        if (value is not null && Encoding.UTF8.GetByteCount(value) > max)
        {
            throw StepFunctionsErrors.Validation("'<data>'", member, $"Member must have length less than or equal to {max}");
        }
    }

    /// <summary>Execution and state machine names: 1–80 characters, none of AWS's forbidden characters.</summary>
    public static string Name(string? name, string member)
    {
        Required(name, member);
        if (name!.Length is 0 or > StepFunctionsLimits.MaxNameLength || name.Any(Forbidden))
        {
            throw StepFunctionsErrors.InvalidName(name);
        }
        return name;
    }

    public static int PageSize(int? maxResults, string member = "maxResults")
    {
        if (maxResults is < 0 or > StepFunctionsLimits.MaxPageSize)
        {
            throw StepFunctionsErrors.Validation(maxResults.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), member,
                $"Member must have value less than or equal to {StepFunctionsLimits.MaxPageSize} and greater than or equal to 0");
        }
        return maxResults is null or 0 ? 100 : maxResults.Value;
    }

    /// <summary>https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html#StepFunctions-CreateStateMachine-request-name</summary>
    private static bool Forbidden(char c)
        => char.IsWhiteSpace(c) || c <= '\u001F' || (c >= '\u007F' && c <= '\u009F')
            || "<>{}[]?*\"#%\\^|~`$&,;:/".Contains(c, StringComparison.Ordinal);

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
