// Ported from jsonata-js 2.2.2 (https://github.com/jsonata-js/jsonata, MIT licence, © IBM Corp.): functions.js formatNumber.
namespace Jsonata.Formatting;

/// <summary>JSONata's <c>$formatNumber(number, picture [, options])</c>: XPath F&amp;O 3.1 <c>fn:format-number</c> as jsonata-js 2.2.2 implements it.</summary>
public static class NumberPicture
{
    public static string Format(double value, string picture, DecimalFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(picture);
        throw new NotImplementedException();
    }
}
