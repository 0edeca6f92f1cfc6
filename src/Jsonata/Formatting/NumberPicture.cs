// Ported from jsonata-js 2.2.2 (https://github.com/jsonata-js/jsonata, MIT licence, © IBM Corp.): functions.js formatNumber
// and round. Kept step for step (the F&O "bullets") so the reference's output, quirks included, carries over.
using System.Text;

namespace Jsonata.Formatting;

/// <summary>JSONata's <c>$formatNumber(number, picture [, options])</c>: XPath F&amp;O 3.1 <c>fn:format-number</c> as jsonata-js 2.2.2 implements it.</summary>
public static class NumberPicture
{
    public static string Format(double value, string picture, DecimalFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var p = format ?? DecimalFormat.Default;
        var zeroCode = p.ZeroDigit.Length > 0 ? p.ZeroDigit[0] : '\0';
        var family = Enumerable.Range(zeroCode, 10).Select(c => ((char)c).ToString()).ToList();
        var active = family.Concat([p.DecimalSeparator, p.ExponentSeparator, p.GroupingSeparator, p.Digit, p.PatternSeparator]).ToList();
        bool IsDigit(char c) => family.Contains(c.ToString());
        bool IsDigitOrOptional(char c) => IsDigit(c) || c.ToString() == p.Digit;

        var subPictures = Js.Split(picture, p.PatternSeparator);
        if (subPictures.Length > 2)
        {
            throw Errors.Create("D3080");
        }

        var parts = subPictures.Select(s => SplitParts(s, p, active)).ToList();
        foreach (var part in parts)
        {
            Validate(part, p, active, IsDigit, IsDigitOrOptional);
        }

        var variables = parts.Select(part => Analyse(part, p, IsDigit, IsDigitOrOptional)).ToList();
        if (variables.Count == 1)
        {
            variables.Add(variables[0] with { Prefix = p.MinusSign + variables[0].Prefix });
        }

        var pic = value >= 0 ? variables[0] : variables[1];
        double adjusted;
        if (pic.Picture.Contains(p.Percent, StringComparison.Ordinal))
        {
            adjusted = value * 100;
        }
        else if (pic.Picture.Contains(p.PerMille, StringComparison.Ordinal))
        {
            adjusted = value * 1000;
        }
        else
        {
            adjusted = value;
        }

        double mantissa;
        double? exponent = null;
        if (pic.MinimumExponentSize == 0)
        {
            mantissa = adjusted;
        }
        else
        {
            var maxMantissa = Math.Pow(10, pic.ScalingFactor);
            var minMantissa = Math.Pow(10, pic.ScalingFactor - 1);
            mantissa = adjusted;
            var e = 0;
            if (mantissa != 0 && double.IsFinite(mantissa))
            {
                while (Math.Abs(mantissa) < minMantissa)
                {
                    mantissa *= 10;
                    e -= 1;
                }

                while (Math.Abs(mantissa) > maxMantissa)
                {
                    mantissa /= 10;
                    e += 1;
                }
            }

            exponent = e;
        }

        var rounded = Round(mantissa, pic.MaximumFractionalPartSize);
        string MakeString(double v, int dp)
        {
            var text = JsNumber.ToFixed(Math.Abs(v), dp);
            if (p.ZeroDigit == "0")
            {
                return text;
            }

            return string.Concat(text.Select(c => c is >= '0' and <= '9' ? family[c - '0'] : c.ToString()));
        }

        var zero = p.ZeroDigit;
        var decimalSeparator = p.DecimalSeparator;
        var groupingSeparator = p.GroupingSeparator;
        var s = MakeString(rounded, pic.MaximumFractionalPartSize);
        var point = s.IndexOf('.', StringComparison.Ordinal);
        s = point == -1 ? s + decimalSeparator : s[..point] + decimalSeparator + s[(point + 1)..];
        while (s.Length > 0 && Js.CharAt(s, 0) == zero)
        {
            s = s[1..];
        }

        while (s.Length > 0 && Js.CharAt(s, s.Length - 1) == zero)
        {
            s = s[..^1];
        }

        // bullets 8 & 9
        var decimalPos = s.IndexOf(decimalSeparator, StringComparison.Ordinal);
        var padLeft = pic.MinimumIntegerPartSize - decimalPos;
        var padRight = pic.MinimumFractionalPartSize - (s.Length - decimalPos - 1);
        s = Repeat(zero, padLeft) + s + Repeat(zero, padRight);
        decimalPos = s.IndexOf(decimalSeparator, StringComparison.Ordinal);

        // bullet 10
        if (pic.RegularGrouping > 0)
        {
            var groupCount = (int)Math.Floor((decimalPos - 1) / (double)pic.RegularGrouping);
            for (var group = 1; group <= groupCount; group++)
            {
                var at = decimalPos - (group * pic.RegularGrouping);
                s = Js.Slice(s, 0, at) + groupingSeparator + Js.Slice(s, at);
            }
        }
        else
        {
            foreach (var pos in pic.IntegerPartGroupingPositions)
            {
                s = Js.Slice(s, 0, decimalPos - pos) + groupingSeparator + Js.Slice(s, decimalPos - pos);
                decimalPos++;
            }
        }

        // bullet 11
        decimalPos = s.IndexOf(decimalSeparator, StringComparison.Ordinal);
        foreach (var pos in pic.FractionalPartGroupingPositions)
        {
            s = Js.Slice(s, 0, pos + decimalPos + 1) + groupingSeparator + Js.Slice(s, pos + decimalPos + 1);
        }

        // bullet 12
        decimalPos = s.IndexOf(decimalSeparator, StringComparison.Ordinal);
        if (!pic.Picture.Contains(decimalSeparator, StringComparison.Ordinal) || decimalPos == s.Length - 1)
        {
            s = s[..^1];
        }

        // bullet 13
        if (exponent is { } exp)
        {
            var stringExponent = MakeString(exp, 0);
            stringExponent = Repeat(zero, pic.MinimumExponentSize - stringExponent.Length) + stringExponent;
            s = s + p.ExponentSeparator + (exp < 0 ? p.MinusSign : "") + stringExponent;
        }

        return pic.Prefix + s + pic.Suffix;
    }

    private static string Repeat(string text, int count) =>
        count > 0 ? new StringBuilder().Insert(0, text, count).ToString() : "";

    private sealed record Parts(string Prefix, string Suffix, string ActivePart, string MantissaPart, string? ExponentPart,
        string IntegerPart, string FractionalPart, string SubPicture);

    private sealed record Analysis(List<int> IntegerPartGroupingPositions, int RegularGrouping, int MinimumIntegerPartSize,
        int ScalingFactor, string Prefix, List<int> FractionalPartGroupingPositions, int MinimumFractionalPartSize,
        int MaximumFractionalPartSize, int MinimumExponentSize, string Suffix, string Picture);

    private static Parts SplitParts(string subpicture, DecimalFormat p, List<string> active)
    {
        bool IsActive(char c) => active.Contains(c.ToString()) && c.ToString() != p.ExponentSeparator;
        var prefix = "";
        for (var i = 0; i < subpicture.Length; i++)
        {
            if (IsActive(subpicture[i]))
            {
                prefix = subpicture[..i];
                break;
            }
        }

        var suffix = "";
        for (var i = subpicture.Length - 1; i >= 0; i--)
        {
            if (IsActive(subpicture[i]))
            {
                suffix = subpicture[(i + 1)..];
                break;
            }
        }

        var activePart = Js.Substring(subpicture, prefix.Length, subpicture.Length - suffix.Length);
        string mantissaPart;
        string? exponentPart;
        var exponentPosition = p.ExponentSeparator.Length == 0 || prefix.Length > subpicture.Length
            ? Math.Min(prefix.Length, subpicture.Length)
            : subpicture.IndexOf(p.ExponentSeparator, prefix.Length, StringComparison.Ordinal);
        if (exponentPosition == -1 || exponentPosition > subpicture.Length - suffix.Length)
        {
            mantissaPart = activePart;
            exponentPart = null;
        }
        else
        {
            // The reference indexes the active part with a position found in the whole sub-picture.
            mantissaPart = Js.Substring(activePart, 0, exponentPosition);
            exponentPart = Js.Substring(activePart, exponentPosition + 1);
        }

        string integerPart, fractionalPart;
        var decimalPosition = mantissaPart.IndexOf(p.DecimalSeparator, StringComparison.Ordinal);
        if (decimalPosition == -1)
        {
            integerPart = mantissaPart;
            fractionalPart = suffix;
        }
        else
        {
            integerPart = mantissaPart[..decimalPosition];
            fractionalPart = Js.Substring(mantissaPart, decimalPosition + 1);
        }

        return new Parts(prefix, suffix, activePart, mantissaPart, exponentPart, integerPart, fractionalPart, subpicture);
    }

    private static int Count(string text, Func<char, bool> predicate) => text.Count(predicate);

    private static bool HasTwo(string text, string sub) =>
        sub.Length > 0 && text.IndexOf(sub, StringComparison.Ordinal) != text.LastIndexOf(sub, StringComparison.Ordinal);

    private static void Validate(Parts parts, DecimalFormat p, List<string> active, Func<char, bool> isDigit, Func<char, bool> isDigitOrOptional)
    {
        string? error = null;
        var sub = parts.SubPicture;
        var decimalPos = sub.IndexOf(p.DecimalSeparator, StringComparison.Ordinal);
        if (HasTwo(sub, p.DecimalSeparator))
        {
            error = "D3081";
        }

        if (HasTwo(sub, p.Percent))
        {
            error = "D3082";
        }

        if (HasTwo(sub, p.PerMille))
        {
            error = "D3083";
        }

        var hasPercent = sub.Contains(p.Percent, StringComparison.Ordinal);
        var hasPerMille = sub.Contains(p.PerMille, StringComparison.Ordinal);
        if (hasPercent && hasPerMille)
        {
            error = "D3084";
        }

        if (!parts.MantissaPart.Any(isDigitOrOptional))
        {
            error = "D3085";
        }

        if (parts.ActivePart.Any(c => !active.Contains(c.ToString())))
        {
            error = "D3086";
        }

        if (decimalPos != -1)
        {
            if (Js.CharAt(sub, decimalPos - 1) == p.GroupingSeparator || Js.CharAt(sub, decimalPos + 1) == p.GroupingSeparator)
            {
                error = "D3087";
            }
        }
        else if (Js.CharAt(parts.IntegerPart, parts.IntegerPart.Length - 1) == p.GroupingSeparator)
        {
            error = "D3088";
        }

        if (sub.Contains(p.GroupingSeparator + p.GroupingSeparator, StringComparison.Ordinal))
        {
            error = "D3089";
        }

        var optionalDigitPos = parts.IntegerPart.IndexOf(p.Digit, StringComparison.Ordinal);
        if (optionalDigitPos != -1 && parts.IntegerPart[..optionalDigitPos].Any(isDigit))
        {
            error = "D3090";
        }

        optionalDigitPos = p.Digit.Length == 0 ? parts.FractionalPart.Length : parts.FractionalPart.LastIndexOf(p.Digit, StringComparison.Ordinal);
        if (optionalDigitPos != -1 && parts.FractionalPart[optionalDigitPos..].Any(isDigit))
        {
            error = "D3091";
        }

        var exponentExists = parts.ExponentPart is not null;
        if (exponentExists && parts.ExponentPart!.Length > 0 && (hasPercent || hasPerMille))
        {
            error = "D3092";
        }

        if (exponentExists && (parts.ExponentPart!.Length == 0 || parts.ExponentPart.Any(c => !isDigit(c))))
        {
            error = "D3093";
        }

        if (error is not null)
        {
            throw Errors.Create(error);
        }
    }

    private static Analysis Analyse(Parts parts, DecimalFormat p, Func<char, bool> isDigit, Func<char, bool> isDigitOrOptional)
    {
        List<int> GroupingPositions(string part, bool toLeft)
        {
            var positions = new List<int>();
            if (p.GroupingSeparator.Length == 0)
            {
                return positions;
            }

            var groupingPosition = part.IndexOf(p.GroupingSeparator, StringComparison.Ordinal);
            while (groupingPosition != -1)
            {
                var counted = toLeft ? Js.Substring(part, 0, groupingPosition) : Js.Substring(part, groupingPosition);
                positions.Add(Count(counted, isDigitOrOptional));
                // The reference searches the integer part for the next one, even when walking the fractional part.
                groupingPosition = groupingPosition + 1 > parts.IntegerPart.Length
                    ? -1
                    : parts.IntegerPart.IndexOf(p.GroupingSeparator, groupingPosition + 1, StringComparison.Ordinal);
            }

            return positions;
        }

        var integerPositions = GroupingPositions(parts.IntegerPart, false);
        var regularGrouping = IntegerPicture.RegularInterval(integerPositions);
        var fractionalPositions = GroupingPositions(parts.FractionalPart, true);
        var minimumIntegerPartSize = Count(parts.IntegerPart, isDigit);
        var scalingFactor = minimumIntegerPartSize;
        var minimumFractionalPartSize = Count(parts.FractionalPart, isDigit);
        var maximumFractionalPartSize = Count(parts.FractionalPart, isDigitOrOptional);
        var exponentPresent = parts.ExponentPart is not null;
        if (minimumIntegerPartSize == 0 && maximumFractionalPartSize == 0)
        {
            if (exponentPresent)
            {
                minimumFractionalPartSize = 1;
                maximumFractionalPartSize = 1;
            }
            else
            {
                minimumIntegerPartSize = 1;
            }
        }

        if (exponentPresent && minimumIntegerPartSize == 0 && p.Digit.Length > 0 && parts.IntegerPart.Contains(p.Digit, StringComparison.Ordinal))
        {
            minimumIntegerPartSize = 1;
        }

        if (minimumIntegerPartSize == 0 && minimumFractionalPartSize == 0)
        {
            minimumFractionalPartSize = 1;
        }

        var minimumExponentSize = exponentPresent ? Count(parts.ExponentPart!, isDigit) : 0;
        return new Analysis(integerPositions, regularGrouping, minimumIntegerPartSize, scalingFactor, parts.Prefix, fractionalPositions,
            minimumFractionalPartSize, maximumFractionalPartSize, minimumExponentSize, parts.Suffix, parts.SubPicture);
    }

    /// <summary>The reference's <c>$round</c>: half to even at <paramref name="precision"/> decimals, shifting through the decimal string to dodge binary error.</summary>
    internal static double Round(double arg, int precision)
    {
        if (precision != 0)
        {
            arg = Shift(arg, precision);
        }

        var result = JsNumber.Round(arg);
        var diff = result - arg;
        if (Math.Abs(diff) == 0.5 && Math.Abs(result % 2) == 1)
        {
            result -= 1;
        }

        if (precision != 0)
        {
            result = Shift(result, -precision);
        }

        return result == 0 ? 0 : result;
    }

    private static double Shift(double value, int places)
    {
        var text = JsNumber.ToString(value).Split('e');
        var exponent = text.Length > 1 ? (int)JsNumber.ParseNumber(text[1]) + places : places;
        return JsNumber.ParseNumber(text[0] + "e" + exponent.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
