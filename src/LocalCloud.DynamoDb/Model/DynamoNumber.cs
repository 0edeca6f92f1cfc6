using System.Globalization;
using System.Numerics;
using System.Text;
using LocalCloud.Core;

namespace LocalCloud.DynamoDb.Model;

/// <summary>
/// A DynamoDB Number: up to 38 significant digits, magnitude 1E-130 to 9.99..E+125
/// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html#HowItWorks.DataTypes.Number).
/// System.Decimal holds only 28-29 digits and ~7.9E+28, so it cannot carry these; a double loses
/// digits. Hence a BigInteger mantissa with a base-10 exponent, kept normalised (no trailing zeros)
/// so equal numbers have equal representations.
/// </summary>
internal readonly struct DynamoNumber : IEquatable<DynamoNumber>, IComparable<DynamoNumber>
{
    private const int MaxDigits = 38;

    private DynamoNumber(BigInteger mantissa, int exponent)
    {
        if (mantissa.IsZero)
        {
            exponent = 0;
        }
        else
        {
            while (mantissa % 10 == 0)
            {
                mantissa /= 10;
                exponent++;
            }
        }
        Mantissa = mantissa;
        Exponent = exponent;
    }

    public BigInteger Mantissa { get; }

    public int Exponent { get; }

    public int SignificantDigits => Mantissa.IsZero ? 1 : BigInteger.Abs(Mantissa).ToString(CultureInfo.InvariantCulture).Length;

    public static DynamoNumber Zero => new(BigInteger.Zero, 0);

    public static DynamoNumber Parse(string text)
    {
        if (!TryParseSyntax(text, out var number))
        {
            throw AwsServiceException.Validation(DynamoDbErrors.NumberNotConvertible);
        }
        number.EnsureInRange();
        return number;
    }

    public static DynamoNumber FromInt(long value) => new(value, 0);

    public static DynamoNumber operator +(DynamoNumber a, DynamoNumber b)
    {
        var e = Math.Min(a.Exponent, b.Exponent);
        var result = new DynamoNumber(a.Mantissa * BigInteger.Pow(10, a.Exponent - e) + b.Mantissa * BigInteger.Pow(10, b.Exponent - e), e);
        result.EnsureInRange();
        return result;
    }

    public static DynamoNumber operator -(DynamoNumber a, DynamoNumber b) => a + new DynamoNumber(-b.Mantissa, b.Exponent);

    public static bool operator ==(DynamoNumber a, DynamoNumber b) => a.Equals(b);

    public static bool operator !=(DynamoNumber a, DynamoNumber b) => !a.Equals(b);

    public static bool operator <(DynamoNumber a, DynamoNumber b) => a.CompareTo(b) < 0;

    public static bool operator >(DynamoNumber a, DynamoNumber b) => a.CompareTo(b) > 0;

    public static bool operator <=(DynamoNumber a, DynamoNumber b) => a.CompareTo(b) <= 0;

    public static bool operator >=(DynamoNumber a, DynamoNumber b) => a.CompareTo(b) >= 0;

    public int CompareTo(DynamoNumber other)
    {
        var e = Math.Min(Exponent, other.Exponent);
        return (Mantissa * BigInteger.Pow(10, Exponent - e)).CompareTo(other.Mantissa * BigInteger.Pow(10, other.Exponent - e));
    }

    public bool Equals(DynamoNumber other) => Mantissa == other.Mantissa && Exponent == other.Exponent;

    public override bool Equals(object? obj) => obj is DynamoNumber n && Equals(n);

    public override int GetHashCode() => HashCode.Combine(Mantissa, Exponent);

    /// <summary>Canonical text, as DynamoDB answers: no leading/trailing zeros, no exponent for ordinary magnitudes.</summary>
    public override string ToString()
    {
        if (Mantissa.IsZero)
        {
            return "0";
        }
        var digits = BigInteger.Abs(Mantissa).ToString(CultureInfo.InvariantCulture);
        var sign = Mantissa.Sign < 0 ? "-" : string.Empty;
        var pointPosition = digits.Length + Exponent;
        // Plain notation stays readable up to a few dozen characters; beyond that use E notation.
        if (Exponent >= 0 && pointPosition <= 50)
        {
            return sign + digits + new string('0', Exponent);
        }
        if (Exponent < 0 && pointPosition > 0)
        {
            return sign + digits[..pointPosition] + "." + digits[pointPosition..];
        }
        if (Exponent < 0 && pointPosition > -20)
        {
            return sign + "0." + new string('0', -pointPosition) + digits;
        }
        var sb = new StringBuilder(sign).Append(digits[0]);
        if (digits.Length > 1)
        {
            sb.Append('.').Append(digits, 1, digits.Length - 1);
        }
        var exp = pointPosition - 1;
        return sb.Append('E').Append(exp >= 0 ? "+" : "-").Append(Math.Abs(exp).ToString(CultureInfo.InvariantCulture)).ToString();
    }

    private void EnsureInRange()
    {
        if (Mantissa.IsZero)
        {
            return;
        }
        if (SignificantDigits > MaxDigits)
        {
            throw AwsServiceException.Validation(DynamoDbErrors.NumberTooPrecise);
        }
        // Magnitude is digits × 10^(exponent): the leading digit sits at 10^(digits-1+exponent).
        var magnitude = SignificantDigits - 1 + Exponent;
        if (magnitude > 125)
        {
            throw AwsServiceException.Validation(DynamoDbErrors.NumberOverflow);
        }
        if (magnitude < -130)
        {
            throw AwsServiceException.Validation(DynamoDbErrors.NumberUnderflow);
        }
    }

    private static bool TryParseSyntax(string text, out DynamoNumber number)
    {
        number = default;
        var s = text.Trim();
        if (s.Length == 0)
        {
            return false;
        }
        var i = 0;
        var negative = false;
        if (s[i] is '+' or '-')
        {
            negative = s[i] == '-';
            i++;
        }
        var digits = new StringBuilder();
        var fractionDigits = 0;
        var seenPoint = false;
        var anyDigit = false;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
                anyDigit = true;
                if (seenPoint)
                {
                    fractionDigits++;
                }
            }
            else if (c == '.' && !seenPoint)
            {
                seenPoint = true;
            }
            else
            {
                break;
            }
        }
        if (!anyDigit)
        {
            return false;
        }
        var exponent = 0;
        if (i < s.Length)
        {
            if (s[i] is not ('e' or 'E') || !int.TryParse(s.AsSpan(i + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            {
                return false;
            }
            if (Math.Abs(exponent) > 100_000)
            {
                return false;
            }
        }
        var mantissa = BigInteger.Parse(digits.ToString(), CultureInfo.InvariantCulture);
        number = new DynamoNumber(negative ? -mantissa : mantissa, exponent - fractionDigits);
        return true;
    }
}
