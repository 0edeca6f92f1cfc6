namespace Jsonata.Formatting;

/// <summary>
/// The options object of <c>$formatNumber</c>: the XPath decimal-format properties. The reference reads only the first
/// UTF-16 unit of <see cref="ZeroDigit"/> and never uses <see cref="Infinity"/> or <see cref="NaN"/> (JSON has neither).
/// </summary>
public sealed record DecimalFormat
{
    public string DecimalSeparator { get; init; } = ".";
    public string GroupingSeparator { get; init; } = ",";
    public string ExponentSeparator { get; init; } = "e";
    public string Infinity { get; init; } = "Infinity";
    public string MinusSign { get; init; } = "-";
    public string NaN { get; init; } = "NaN";
    public string Percent { get; init; } = "%";
    public string PerMille { get; init; } = "\u2030";
    public string ZeroDigit { get; init; } = "0";
    public string Digit { get; init; } = "#";
    public string PatternSeparator { get; init; } = ";";

    public static DecimalFormat Default { get; } = new();

    /// <summary>Overrides the defaults with the options object's entries, named as JSONata names them (<c>decimal-separator</c>…); other names are ignored, as the reference ignores them.</summary>
    public static DecimalFormat FromOptions(IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var format = Default;
        foreach (var (key, value) in options)
        {
            format = key switch
            {
                "decimal-separator" => format with { DecimalSeparator = value },
                "grouping-separator" => format with { GroupingSeparator = value },
                "exponent-separator" => format with { ExponentSeparator = value },
                "infinity" => format with { Infinity = value },
                "minus-sign" => format with { MinusSign = value },
                "NaN" => format with { NaN = value },
                "percent" => format with { Percent = value },
                "per-mille" => format with { PerMille = value },
                "zero-digit" => format with { ZeroDigit = value },
                "digit" => format with { Digit = value },
                "pattern-separator" => format with { PatternSeparator = value },
                _ => format,
            };
        }

        return format;
    }
}
