// Ported from jsonata-js 2.2.2 (https://github.com/jsonata-js/jsonata, MIT licence, © IBM Corp.): datetime.js
// formatInteger, parseInteger and their helpers, kept close to the original so its behaviour, quirks included, carries over.
using System.Globalization;
using System.Text;

namespace Jsonata.Formatting;

/// <summary>JSONata's <c>$formatInteger</c> and <c>$parseInteger</c>: XPath F&amp;O 3.1 <c>fn:format-integer</c> pictures.</summary>
public static class IntegerPicture
{
    /// <summary><c>$formatInteger(number, picture)</c>; the value is floored first, as the reference does.</summary>
    public static string Format(double value, string picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        return FormatAnalysed(Math.Floor(value), Analyse(picture));
    }

    /// <summary>
    /// <c>$parseInteger(string, picture)</c>. The reference does not validate the input against the picture: text it
    /// cannot read gives NaN (which it serialises as null), never an error.
    /// </summary>
    public static double? Parse(string value, string picture)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(picture);
        // parseInt can give -0 ("-0 852"); JSON, and so every JSONata result, shows it as 0.
        return Matcher.For(Analyse(picture)).Parse!(value) + 0.0;
    }

    internal enum Primary { Decimal, Letters, Roman, Words, Sequence }

    internal enum LetterCase { Upper, Lower, Title }

    internal readonly record struct Separator(int Position, string Character);

    internal sealed class IntegerFormat
    {
        public Primary Primary { get; set; } = Primary.Decimal;
        public LetterCase Case { get; set; } = LetterCase.Lower;
        public bool Ordinal { get; set; }
        public int ZeroCode { get; set; } = 0x30;
        public int MandatoryDigits { get; set; }
        public int OptionalDigits { get; set; }
        public bool Regular { get; set; }

        /// <summary>When <see cref="Regular"/>: the one separator, its position the repeat interval; otherwise each separator.</summary>
        public List<Separator> GroupingSeparators { get; } = [];

        public string Token { get; set; } = "";

        /// <summary>Exact digit count when parsing, set when another integer component follows with no literal between.</summary>
        public int? ParseWidth { get; set; }
    }

    private static readonly string[] Few = ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
        "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen"];

    private static readonly string[] Ordinals = ["Zeroth", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
        "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth"];

    private static readonly string[] Decades = ["Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety", "Hundred"];

    private static readonly string[] Magnitudes = ["Thousand", "Million", "Billion", "Trillion"];

    // Unicode decimal digit families (the zero of each), as the reference lists them; supplementary planes are not included there either.
    private static readonly int[] DecimalGroups = [0x30, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
        0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50,
        0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10];

    /// <summary>Word → value, in the reference's insertion order (the parsing regex alternates over it in this order).</summary>
    internal static readonly List<KeyValuePair<string, double>> WordValues = BuildWordValues();

    private static readonly Dictionary<string, double> WordLookup = WordValues.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static List<KeyValuePair<string, double>> BuildWordValues()
    {
        var list = new List<KeyValuePair<string, double>>();
        void Add(string word, double value)
        {
            var index = list.FindIndex(p => p.Key == word);
            if (index >= 0)
            {
                list[index] = new(word, value);
            }
            else
            {
                list.Add(new(word, value));
            }
        }

        for (var i = 0; i < Few.Length; i++)
        {
            Add(Few[i].ToLowerInvariant(), i);
        }

        for (var i = 0; i < Ordinals.Length; i++)
        {
            Add(Ordinals[i].ToLowerInvariant(), i);
        }

        for (var i = 0; i < Decades.Length; i++)
        {
            var word = Decades[i].ToLowerInvariant();
            Add(word, (i + 2) * 10);
            Add(word[..^1] + "ieth", (i + 2) * 10);
        }

        Add("hundredth", 100);
        for (var i = 0; i < Magnitudes.Length; i++)
        {
            var word = Magnitudes[i].ToLowerInvariant();
            var value = Math.Pow(10, (i + 1) * 3);
            Add(word, value);
            Add(word + "th", value);
        }

        return list;
    }

    private static string NumberToWords(double value, bool ordinal)
    {
        // The reference recurses forever on these; JSONata's arithmetic never produces them (D1001), so refuse outright.
        if (!double.IsFinite(value))
        {
            throw Errors.OutOfRange(value);
        }

        string Lookup(double num, bool prev, bool ord)
        {
            string words;
            if (num <= 19)
            {
                words = (prev ? " and " : "") + (ord ? Ordinals[(int)num] : Few[(int)num]);
            }
            else if (num < 100)
            {
                var tens = (int)Math.Floor(num / 10);
                var remainder = num % 10;
                words = (prev ? " and " : "") + Decades[tens - 2];
                if (remainder > 0)
                {
                    words += "-" + Lookup(remainder, false, ord);
                }
                else if (ord)
                {
                    words = words[..^1] + "ieth";
                }
            }
            else if (num < 1000)
            {
                var hundreds = (int)Math.Floor(num / 100);
                var remainder = num % 100;
                words = (prev ? ", " : "") + Few[hundreds] + " Hundred";
                if (remainder > 0)
                {
                    words += Lookup(remainder, true, ord);
                }
                else if (ord)
                {
                    words += "th";
                }
            }
            else
            {
                var mag = (int)Math.Floor(Math.Log10(num) / 3);
                if (mag > Magnitudes.Length)
                {
                    mag = Magnitudes.Length;
                }

                var factor = Math.Pow(10, mag * 3);
                var mant = Math.Floor(num / factor);
                var remainder = num - (mant * factor);
                words = (prev ? ", " : "") + Lookup(mant, false, false) + " " + Magnitudes[mag - 1];
                if (remainder > 0)
                {
                    words += Lookup(remainder, true, ord);
                }
                else if (ord)
                {
                    words += "th";
                }
            }

            return words;
        }

        return Lookup(value, false, ordinal);
    }

    private static double WordsToNumber(string text)
    {
        var parts = System.Text.RegularExpressions.Regex.Split(text, @",\s|\sand\s|[\s\\-]");
        var segs = new List<double> { 0 };
        foreach (var part in parts)
        {
            // An unknown word is undefined there: it fails "< 100" and multiplies the segment into NaN.
            var value = WordLookup.TryGetValue(part, out var known) ? known : double.NaN;
            if (value < 100)
            {
                var top = segs[^1];
                segs.RemoveAt(segs.Count - 1);
                if (top >= 1000)
                {
                    segs.Add(top);
                    top = 0;
                }

                segs.Add(top + value);
            }
            else
            {
                segs[^1] *= value;
            }
        }

        return segs.Sum();
    }

    private static readonly (int Value, string Numeral)[] RomanNumerals =
        [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")];

    private static string DecimalToRoman(double value)
    {
        // One 'm' per thousand: past a million letters the reference's recursion has long overflowed its stack.
        if (value > 1e9)
        {
            throw Errors.OutOfRange(value);
        }

        var builder = new StringBuilder();
        var index = 0;
        while (index < RomanNumerals.Length)
        {
            if (value >= RomanNumerals[index].Value)
            {
                builder.Append(RomanNumerals[index].Numeral);
                value -= RomanNumerals[index].Value;
            }
            else
            {
                index++;
            }
        }

        return builder.ToString();
    }

    private static double RomanToDecimal(string roman)
    {
        double decimalValue = 0;
        double max = 1;
        for (var i = roman.Length - 1; i >= 0; i--)
        {
            // An unknown letter is undefined there, which turns the sum into NaN.
            double value = roman[i] switch { 'M' => 1000, 'D' => 500, 'C' => 100, 'L' => 50, 'X' => 10, 'V' => 5, 'I' => 1, _ => double.NaN };
            if (value < max)
            {
                decimalValue -= value;
            }
            else
            {
                if (!double.IsNaN(value))
                {
                    max = value;
                }

                decimalValue += value;
            }
        }

        return decimalValue;
    }

    private static string DecimalToLetters(double value, char aChar)
    {
        // Infinity would loop forever (there too); JSONata's arithmetic never yields it (D1001), so neither do we.
        if (double.IsInfinity(value))
        {
            throw Errors.OutOfRange(value);
        }

        var letters = new StringBuilder();
        while (value > 0)
        {
            letters.Insert(0, (char)(((value - 1) % 26) + aChar));
            value = Math.Floor((value - 1) / 26);
        }

        return letters.ToString();
    }

    private static double LettersToDecimal(string letters, char aChar)
    {
        double result = 0;
        for (var i = 0; i < letters.Length; i++)
        {
            result += (letters[letters.Length - i - 1] - aChar + 1) * Math.Pow(26, i);
        }

        return result;
    }

    // A width modifier can ask for any number of digits; JavaScript cannot build strings past about 2^29 characters either.
    private const int MaxPadding = 1_000_000;

    internal static string FormatAnalysed(double value, IntegerFormat format)
    {
        var negative = value < 0;
        value = Math.Abs(value);
        string formatted;
        switch (format.Primary)
        {
            case Primary.Letters:
                formatted = DecimalToLetters(value, format.Case == LetterCase.Upper ? 'A' : 'a');
                break;
            case Primary.Roman:
                formatted = DecimalToRoman(value);
                if (format.Case == LetterCase.Upper)
                {
                    formatted = formatted.ToUpperInvariant();
                }

                break;
            case Primary.Words:
                formatted = NumberToWords(value, format.Ordinal);
                formatted = format.Case switch
                {
                    LetterCase.Upper => formatted.ToUpperInvariant(),
                    LetterCase.Lower => formatted.ToLowerInvariant(),
                    _ => formatted,
                };
                break;
            case Primary.Decimal:
                formatted = JsNumber.ToString(value);
                if (format.MandatoryDigits > formatted.Length)
                {
                    if (format.MandatoryDigits > MaxPadding)
                    {
                        throw Errors.OutOfRange(format.MandatoryDigits);
                    }

                    formatted = new string('0', format.MandatoryDigits - formatted.Length) + formatted;
                }

                if (format.ZeroCode != 0x30)
                {
                    var shifted = new StringBuilder();
                    foreach (var rune in formatted.EnumerateRunes())
                    {
                        shifted.Append(char.ConvertFromUtf32(rune.Value + format.ZeroCode - 0x30));
                    }

                    formatted = shifted.ToString();
                }

                if (format.Regular)
                {
                    var separator = format.GroupingSeparators[0];
                    var n = (formatted.Length - 1) / separator.Position;
                    for (var ii = n; ii > 0; ii--)
                    {
                        var pos = formatted.Length - (ii * separator.Position);
                        formatted = formatted[..pos] + separator.Character + formatted[pos..];
                    }
                }
                else
                {
                    foreach (var separator in Enumerable.Reverse(format.GroupingSeparators))
                    {
                        // substr(0, pos) + sep + substr(pos): past the first digit pos goes negative, where substr
                        // takes nothing before and counts from the end after, so "#,##,##0" makes 3466 ",6".
                        var pos = formatted.Length - separator.Position;
                        formatted = pos >= 0
                            ? formatted[..pos] + separator.Character + formatted[pos..]
                            : separator.Character + formatted[Math.Max(formatted.Length + pos, 0)..];
                    }
                }

                if (format.Ordinal)
                {
                    var last = formatted[^1];
                    var suffix = last switch { '1' => "st", '2' => "nd", '3' => "rd", _ => "th" };
                    if (formatted.Length > 1 && formatted[^2] == '1')
                    {
                        suffix = "th";
                    }

                    formatted += suffix;
                }

                break;
            default:
                throw Errors.D3130(format.Token);
        }

        return negative ? "-" + formatted : formatted;
    }

    internal static IntegerFormat Analyse(string picture)
    {
        var format = new IntegerFormat();
        string primaryFormat;
        var semicolon = picture.LastIndexOf(';');
        if (semicolon == -1)
        {
            primaryFormat = picture;
        }
        else
        {
            primaryFormat = picture[..semicolon];
            var modifier = picture[(semicolon + 1)..];
            if (modifier.StartsWith('o'))
            {
                format.Ordinal = true;
            }
        }

        switch (primaryFormat)
        {
            case "A":
                format.Case = LetterCase.Upper;
                format.Primary = Primary.Letters;
                break;
            case "a":
                format.Primary = Primary.Letters;
                break;
            case "I":
                format.Case = LetterCase.Upper;
                format.Primary = Primary.Roman;
                break;
            case "i":
                format.Primary = Primary.Roman;
                break;
            case "W":
                format.Case = LetterCase.Upper;
                format.Primary = Primary.Words;
                break;
            case "Ww":
                format.Case = LetterCase.Title;
                format.Primary = Primary.Words;
                break;
            case "w":
                format.Primary = Primary.Words;
                break;
            default:
                AnalyseDigitPattern(primaryFormat, format);
                break;
        }

        return format;
    }

    private static void AnalyseDigitPattern(string primaryFormat, IntegerFormat format)
    {
        int? zeroCode = null;
        var mandatoryDigits = 0;
        var optionalDigits = 0;
        var separatorPosition = 0;
        var separators = new List<Separator>();
        // Walked from the right, so a separator's position counts the digits to its right.
        foreach (var rune in primaryFormat.EnumerateRunes().Reverse())
        {
            var codePoint = rune.Value;
            var group = Array.Find(DecimalGroups, g => codePoint >= g && codePoint <= g + 9);
            if (group != 0)
            {
                mandatoryDigits++;
                separatorPosition++;
                if (zeroCode is null)
                {
                    zeroCode = group;
                }
                else if (zeroCode != group)
                {
                    throw Errors.D3131();
                }
            }
            else if (codePoint == '#')
            {
                separatorPosition++;
                optionalDigits++;
            }
            else
            {
                separators.Add(new Separator(separatorPosition, rune.ToString()));
            }
        }

        if (mandatoryDigits == 0)
        {
            // A numbering sequence: implementation-defined in the spec, and the reference supports none.
            format.Primary = Primary.Sequence;
            format.Token = primaryFormat;
            return;
        }

        format.Primary = Primary.Decimal;
        format.ZeroCode = zeroCode!.Value;
        format.MandatoryDigits = mandatoryDigits;
        format.OptionalDigits = optionalDigits;
        var regular = RegularRepeat(separators);
        format.Regular = regular > 0;
        if (regular > 0)
        {
            format.GroupingSeparators.Add(new Separator(regular, separators[0].Character));
        }
        else
        {
            format.GroupingSeparators.AddRange(separators);
        }
    }

    /// <summary>The repeat interval when every separator is the same character at each multiple of it; 0 otherwise.</summary>
    private static int RegularRepeat(List<Separator> separators)
    {
        if (separators.Count == 0 || separators.Any(s => s.Character != separators[0].Character))
        {
            return 0;
        }

        return RegularInterval(separators.Select(s => s.Position).ToList());
    }

    internal static int RegularInterval(List<int> positions)
    {
        if (positions.Count == 0)
        {
            return 0;
        }

        static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
        var factor = positions.Aggregate(Gcd);
        for (var index = 1; index <= positions.Count; index++)
        {
            if (!positions.Contains(index * factor))
            {
                return 0;
            }
        }

        return factor;
    }

    /// <summary>The reference's generateRegex for one integer component: a regex fragment and how to read what it matched.</summary>
    internal sealed class Matcher
    {
        public required string Regex { get; init; }

        public Func<string, double?>? Parse { get; init; }

        public static Matcher For(IntegerFormat format)
        {
            var isUpper = format.Case == LetterCase.Upper;
            switch (format.Primary)
            {
                case Primary.Letters:
                    return new Matcher { Regex = isUpper ? "[A-Z]+" : "[a-z]+", Parse = v => LettersToDecimal(v, isUpper ? 'A' : 'a') };
                case Primary.Roman:
                    return new Matcher { Regex = isUpper ? "[MDCLXVI]+" : "[mdclxvi]+", Parse = v => RomanToDecimal(isUpper ? v : v.ToUpperInvariant()) };
                case Primary.Words:
                    return new Matcher
                    {
                        Regex = "(?:" + string.Join('|', WordValues.Select(p => p.Key).Concat(["and", @"[\-, ]"])) + ")+",
                        Parse = v => WordsToNumber(v.ToLowerInvariant()),
                    };
                case Primary.Decimal:
                    var regex = "[0-9]" + (format.ParseWidth is { } width and > 0 ? "{" + width.ToString(CultureInfo.InvariantCulture) + "}" : "+");
                    if (format.Ordinal)
                    {
                        regex += "(?:th|st|nd|rd)";
                    }

                    return new Matcher { Regex = regex, Parse = v => ParseDecimal(v, format) };
                default:
                    throw Errors.D3130(format.Token);
            }
        }

        private static double ParseDecimal(string value, IntegerFormat format)
        {
            var digits = value;
            if (format.Ordinal)
            {
                digits = digits[..Math.Max(0, digits.Length - 2)];
            }

            if (format.Regular)
            {
                // The reference strips "," here whatever the picture's separator is.
                digits = digits.Replace(",", "", StringComparison.Ordinal);
            }
            else
            {
                foreach (var separator in format.GroupingSeparators)
                {
                    digits = digits.Replace(separator.Character, "", StringComparison.Ordinal);
                }
            }

            if (format.ZeroCode != 0x30)
            {
                var shifted = new StringBuilder();
                foreach (var c in digits)
                {
                    // A character outside the family maps below '0' or far above '9'; either way parseInt stops there.
                    var codePoint = c - format.ZeroCode + 0x30;
                    shifted.Append(codePoint is >= 0x30 and <= 0x39 ? (char)codePoint : '\uFFFD');
                }

                digits = shifted.ToString();
            }

            return JsNumber.ParseInt(digits);
        }
    }
}
