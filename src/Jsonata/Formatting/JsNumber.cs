using System.Globalization;

namespace Jsonata.Formatting;

/// <summary>JavaScript's number ↔ string conversions, which the reference's output depends on digit for digit.</summary>
internal static class JsNumber
{
    /// <summary>ECMA-262 Number::toString(10); the engine's own conversion, so a formatted number and a printed one never disagree.</summary>
    public static string ToString(double value) => JsonText.NumberToString(value);

    /// <summary><c>Number.prototype.toFixed</c>: the exact binary value rounded at the digit, ties to the larger magnitude.</summary>
    public static string ToFixed(double value, int fractionDigits)
    {
        if (double.IsNaN(value) || Math.Abs(value) >= 1e21)
        {
            return ToString(value);
        }

        // Not .NET's "F" format: it breaks exact ties (296075534820556.625 to two places) towards even, toFixed upwards.
        var negative = value < 0;
        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075; // value = mantissa × 2^exponent
        var scaled = new System.Numerics.BigInteger(mantissa) * System.Numerics.BigInteger.Pow(10, fractionDigits);
        var n = exponent >= 0
            ? scaled << exponent
            : ((scaled << 1) + (System.Numerics.BigInteger.One << -exponent)) >> (1 - exponent);
        var digits = n.ToString(CultureInfo.InvariantCulture).PadLeft(fractionDigits + 1, '0');
        var text = fractionDigits == 0 ? digits : digits[..^fractionDigits] + "." + digits[^fractionDigits..];
        return negative ? "-" + text : text;
    }

    /// <summary><c>parseInt(text)</c> with radix 10 (and its <c>0x</c> prefix): leading digits after optional blanks and sign, else NaN.</summary>
    public static double ParseInt(string text)
    {
        var i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        var negative = false;
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }

        var radix = 10;
        if (i + 1 < text.Length && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X'))
        {
            radix = 16;
            i += 2;
        }

        double result = 0;
        var any = false;
        for (; i < text.Length; i++)
        {
            var digit = DigitValue(text[i]);
            if (digit < 0 || digit >= radix)
            {
                break;
            }

            result = (result * radix) + digit;
            any = true;
        }

        if (!any)
        {
            return double.NaN;
        }

        return negative ? -result : result;
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>JavaScript's <c>Math.round</c>: halves go towards +∞.</summary>
    public static double Round(double value)
    {
        var floor = Math.Floor(value);
        return value - floor >= 0.5 ? floor + 1 : floor;
    }

    /// <summary>The unary <c>+</c> on a string the reference builds itself (<c>"1.5e3"</c>); NaN when it is not a number.</summary>
    public static double ParseNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
}
