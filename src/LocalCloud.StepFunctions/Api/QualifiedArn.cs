using System.Text.RegularExpressions;

namespace LocalCloud.StepFunctions.Api;

/// <summary>
/// A state machine ARN, unqualified (…:stateMachine:name) or qualified by a version number (…:stateMachine:name:3) or
/// an alias name (…:stateMachine:name:PROD). Alias names must hold a letter, '_', '-' or '.', so a qualifier of digits
/// only is always a version (https://docs.aws.amazon.com/step-functions/latest/dg/execution-alias-version-associate.html).
/// </summary>
public sealed partial record QualifiedArn(string Arn, string MachineArn, string? Qualifier)
{
    public bool IsVersion => Qualifier is not null && Qualifier.All(char.IsAsciiDigit);

    public bool IsAlias => Qualifier is not null && !IsVersion;

    /// <summary>Any of the three forms; anything else is InvalidArn.</summary>
    public static QualifiedArn Require(string? arn, string member = "stateMachineArn")
    {
        var text = Validate.Required(arn, member);
        var parts = text.Split(':');
        if (parts.Length == 8 && parts[0] == "arn" && parts[2] == "states" && parts[5] == "stateMachine" && !parts.Any(string.IsNullOrEmpty))
        {
            var machine = SfnArn.RequireStateMachine(string.Join(':', parts[..7]), member);
            var qualifier = parts[7];
            if (!qualifier.All(char.IsAsciiDigit) && !AliasName().IsMatch(qualifier))
            {
                throw StepFunctionsErrors.InvalidArn(text);
            }
            return new QualifiedArn(text, machine, qualifier);
        }
        return new QualifiedArn(SfnArn.RequireStateMachine(text, member), text, null);
    }

    /// <summary>A version ARN (…:name:&lt;number&gt;), else InvalidArn.</summary>
    public static QualifiedArn RequireVersion(string? arn, string member)
    {
        var parsed = Require(arn, member);
        return parsed.IsVersion ? parsed : throw StepFunctionsErrors.InvalidArn(parsed.Arn);
    }

    /// <summary>An alias ARN (…:name:&lt;alias&gt;), else InvalidArn.</summary>
    public static QualifiedArn RequireAlias(string? arn, string member)
    {
        var parsed = Require(arn, member);
        return parsed.IsAlias ? parsed : throw StepFunctionsErrors.InvalidArn(parsed.Arn);
    }

    /// <summary>The model's CharacterRestrictedName pattern, for alias names.</summary>
    [GeneratedRegex(@"^(?=.*[a-zA-Z_\-\.])[a-zA-Z0-9_\-\.]+$")]
    public static partial Regex AliasName();
}
