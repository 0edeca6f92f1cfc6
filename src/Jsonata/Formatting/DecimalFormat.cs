namespace Jsonata.Formatting;

/// <summary>The options object of <c>$formatNumber</c>: the XPath decimal-format properties, each a single character or string.</summary>
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

    /// <summary>Overrides the defaults with the options object's entries, named as JSONata names them (<c>decimal-separator</c>…); unknown names are ignored.</summary>
    public static DecimalFormat FromOptions(IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        throw new NotImplementedException();
    }
}
