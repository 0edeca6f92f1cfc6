// Ported from jsonata-js 2.2.2 (https://github.com/jsonata-js/jsonata, MIT licence, © IBM Corp.): datetime.js.
namespace Jsonata.Formatting;

/// <summary>JSONata's <c>$formatInteger</c> and <c>$parseInteger</c>: XPath F&amp;O 3.1 <c>fn:format-integer</c> pictures.</summary>
public static class IntegerPicture
{
    public static string Format(double value, string picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        throw new NotImplementedException();
    }

    /// <summary>Returns null where the reference returns undefined.</summary>
    public static double? Parse(string value, string picture)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(picture);
        throw new NotImplementedException();
    }
}
