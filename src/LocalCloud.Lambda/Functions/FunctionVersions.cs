using System.Globalization;

namespace LocalCloud.Lambda.Functions;

/// <summary>How Lambda tells versions from aliases in a qualifier (https://docs.aws.amazon.com/lambda/latest/dg/configuration-versions.html).</summary>
internal static class FunctionVersions
{
    public const string Latest = "$LATEST";

    /// <summary>A published version's qualifier is its number; an alias name may not be all digits (the model's Alias pattern).</summary>
    public static bool IsNumber(string qualifier)
        => qualifier.Length is > 0 and <= 10 && qualifier.All(char.IsAsciiDigit) && int.TryParse(qualifier, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
