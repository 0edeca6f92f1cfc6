// Ported from jsonata-js 2.2.2 (https://github.com/jsonata-js/jsonata, MIT licence, © IBM Corp.): datetime.js
// formatDateTime, parseDateTime, fromMillis and toMillis, kept close to the original so its behaviour carries over.
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using static Jsonata.Formatting.IntegerPicture;

namespace Jsonata.Formatting;

/// <summary>JSONata's <c>$fromMillis</c> and <c>$toMillis</c>: XPath F&amp;O 3.1 <c>fn:format-dateTime</c> pictures.</summary>
public static class DateTimePicture
{
    private const double MillisInADay = 86_400_000;

    private static readonly string[] Days = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"];

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private const string IsoPicture = "[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]";

    private static readonly Regex Iso8601 = new(
        @"^(\d{4})(?:-([01]\d))?(?:-([0-3]\d))?(?:T([0-2]\d):([0-5]\d):([0-5]\d))?(?:\.(\d+))?(?:([+-])([0-2]\d):?([0-5]\d)|(Z))?\z",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// <c>$fromMillis(millis [, picture [, timezone]])</c>. <paramref name="picture"/> null gives ISO 8601
    /// (<c>2017-10-28T23:13:43.123Z</c>); <paramref name="timezone"/> is <c>±HHMM</c>, read as the reference reads it
    /// (<c>parseInt</c>, so <c>-0130</c> becomes −2 h + −30 min, and garbage makes every field NaN).
    /// </summary>
    public static string Format(double millis, string? picture, string? timezone)
    {
        double offsetHours = 0;
        double offsetMinutes = 0;
        if (timezone is not null)
        {
            var offset = JsNumber.ParseInt(timezone);
            offsetHours = Math.Floor(offset / 100);
            offsetMinutes = offset % 100;
        }

        var spec = Analyse(picture ?? IsoPicture);
        var date = JsDate.Split(JsDate.TimeClip(millis + (((60 * offsetHours) + offsetMinutes) * 60 * 1000)));
        var result = new StringBuilder();
        foreach (var part in spec)
        {
            result.Append(part.IsLiteral ? part.Literal : FormatComponent(date, part, offsetHours, offsetMinutes));
        }

        return result.ToString();
    }

    /// <summary>
    /// <c>$toMillis(timestamp [, picture])</c>. Null where the reference returns undefined (the picture does not
    /// match, or matched no component); NaN where it returns NaN (an ISO string JavaScript's <c>Date.parse</c> rejects).
    /// Components a picture leaves out above the ones it gives default to <paramref name="nowMillis"/>, the
    /// evaluation's clock (the reference's <c>$now()</c>); the system clock when null.
    /// </summary>
    public static double? Parse(string timestamp, string? picture, double? nowMillis = null)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        if (picture is null)
        {
            var match = Iso8601.Match(timestamp);
            if (!match.Success)
            {
                throw Errors.Create("D3110", timestamp);
            }

            return ParseIso(match);
        }

        return ParsePicture(timestamp, picture, nowMillis ?? TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <summary>
    /// What V8's <c>Date.parse</c> gives for the strings the reference's ISO regex lets through (checked against node
    /// 22 by a 4,000-string fuzz). Most are ES date-time strings; the rest fall to V8's legacy parser, whose readings of
    /// them are copied here: <c>2018.5</c> is May 2018, <c>2018-05.5</c> and <c>2018-05-0005</c> are 5 May.
    /// </summary>
    private static double ParseIso(Match match)
    {
        static int Int(Group g, int fallback) => g.Success ? int.Parse(g.Value.TrimStart('-'), CultureInfo.InvariantCulture) : fallback;
        var year = Int(match.Groups[1], 0);
        int? month = match.Groups[2].Success ? Int(match.Groups[2], 1) : null;
        int? day = match.Groups[3].Success ? Int(match.Groups[3], 1) : null;
        var hasTime = match.Groups[4].Success;
        var fraction = match.Groups[7];
        var offsetSign = match.Groups[8];
        var zulu = match.Groups[11].Success;

        // The regex takes "2018-25" as a year and a day; V8 reads year and month (and month 25 does not exist).
        if (month is null && day is not null)
        {
            month = day;
            day = null;
        }

        // "2018-05-0018": the regex saw an offset of -00:18; V8's legacy parser, a day of 18.
        if (month is not null && day is null && !hasTime && !fraction.Success && offsetSign.Success)
        {
            if (offsetSign.Value == "+" || match.Value.Contains(':', StringComparison.Ordinal))
            {
                return double.NaN;
            }

            return Legacy(year, month.Value, (Int(match.Groups[9], 0) * 100) + Int(match.Groups[10], 0));
        }

        if (fraction.Success && !hasTime)
        {
            // Legacy: a number after a dot is the next date field, month or day; any numeric offset defeats it.
            var next = double.Parse(fraction.Value, CultureInfo.InvariantCulture);
            if (day is not null || offsetSign.Success || next > int.MaxValue)
            {
                return double.NaN;
            }

            return month is null ? Legacy(year, (int)next, 1) : Legacy(year, month.Value, (int)next);
        }

        var hour = Int(match.Groups[4], 0);
        var minute = Int(match.Groups[5], 0);
        var second = Int(match.Groups[6], 0);
        var ms = fraction.Success ? int.Parse((fraction.Value + "00")[..3], CultureInfo.InvariantCulture) : 0;
        var m = month ?? 1;
        var d = day ?? 1;
        if (m is < 1 or > 12 || d is < 1 or > 31 || hour > 24 || (hour == 24 && (minute != 0 || second != 0 || ms != 0)))
        {
            return double.NaN;
        }

        double offsetMinutes = 0;
        if (offsetSign.Success)
        {
            // A numeric offset after a date alone is no ES form, and the legacy parser rejects it too.
            var offsetHours = Int(match.Groups[9], 0);
            if (!hasTime || offsetHours > 23)
            {
                return double.NaN;
            }

            offsetMinutes = ((offsetHours * 60) + Int(match.Groups[10], 0)) * (offsetSign.Value == "-" ? -1 : 1);
        }

        _ = zulu; // Z and no offset read alike here: date-times without one are local time there, and the reference's tests run on UTC.
        var millis = JsDate.FromFields(year, m - 1, d, hour, minute, second, ms);
        return JsDate.TimeClip(millis - (offsetMinutes * 60_000));
    }

    // V8's legacy date: month 1–12, day 1–31 rolling over into the next month, midnight local time (UTC here).
    private static double Legacy(int year, int month, int day) =>
        month is < 1 or > 12 || day is < 1 or > 31 ? double.NaN : JsDate.FromFields(year, month - 1, day, 0, 0, 0, 0);

    private sealed class Part
    {
        public bool IsLiteral { get; init; }
        public string Literal { get; init; } = "";
        public char Component { get; init; }

        /// <summary>True when the marker is empty: the reference's component is then "", not a letter.</summary>
        public bool NoComponent { get; init; }

        public (int? Min, int? Max)? Width { get; set; }
        public string Presentation1 { get; set; } = "";
        public string? Presentation2 { get; set; }
        public LetterCase? Names { get; set; }
        public IntegerFormat? IntegerFormat { get; set; }
        public int N { get; set; } = -1;
    }

    private static readonly Dictionary<char, string> DefaultPresentationModifiers = new()
    {
        ['Y'] = "1", ['M'] = "1", ['D'] = "1", ['d'] = "1", ['F'] = "n", ['W'] = "1", ['w'] = "1", ['X'] = "1", ['x'] = "1", ['H'] = "1",
        ['h'] = "1", ['P'] = "n", ['m'] = "01", ['s'] = "01", ['f'] = "1", ['Z'] = "01:01", ['z'] = "01:01", ['C'] = "n", ['E'] = "n",
    };

    private static List<Part> Analyse(string picture)
    {
        var spec = new List<Part>();
        void AddLiteral(int start, int end)
        {
            if (end > start)
            {
                // A doubled ]] in a literal stands for one ]; the spec says nothing of a single one.
                spec.Add(new Part { IsLiteral = true, Literal = picture[start..end].Replace("]]", "]", StringComparison.Ordinal) });
            }
        }

        var start = 0;
        var pos = 0;
        while (pos < picture.Length)
        {
            if (picture[pos] == '[')
            {
                if (pos + 1 < picture.Length && picture[pos + 1] == '[')
                {
                    AddLiteral(start, pos);
                    spec.Add(new Part { IsLiteral = true, Literal = "[" });
                    pos += 2;
                    start = pos;
                    continue;
                }

                AddLiteral(start, pos);
                start = pos;
                pos = picture.IndexOf(']', start);
                if (pos == -1)
                {
                    throw Errors.Create("D3135");
                }

                spec.Add(AnalyseMarker(Regex.Replace(picture[(start + 1)..pos], @"\s+", ""), spec));
                start = pos + 1;
            }

            pos++;
        }

        AddLiteral(start, pos);
        return spec;
    }

    private static Part AnalyseMarker(string marker, List<Part> spec)
    {
        var def = new Part { Component = marker.Length > 0 ? marker[0] : '\0', NoComponent = marker.Length == 0 };
        var comma = marker.LastIndexOf(',');
        string presentation;
        if (comma != -1)
        {
            var widthModifier = marker[(comma + 1)..];
            var dash = widthModifier.IndexOf('-', StringComparison.Ordinal);
            static int? ParseWidth(string? wm)
            {
                if (wm is null or "*")
                {
                    return null;
                }

                // The reference does not validate it either: parseInt's NaN just never constrains anything here.
                var value = JsNumber.ParseInt(wm);
                return double.IsNaN(value) ? null : (int)value;
            }

            def.Width = dash == -1
                ? (ParseWidth(widthModifier), null)
                : (ParseWidth(widthModifier[..dash]), ParseWidth(widthModifier[(dash + 1)..]));
            presentation = Js.Substring(marker, 1, comma);
        }
        else
        {
            presentation = Js.Substring(marker, 1);
        }

        string? presentation1;
        if (presentation.Length == 1)
        {
            presentation1 = presentation;
        }
        else if (presentation.Length > 1)
        {
            var lastChar = presentation[^1];
            if ("atco".Contains(lastChar, StringComparison.Ordinal))
            {
                // 'c' (cardinal) is the default; 'a' and 't' mean nothing for English numbering ('t' matters to Z).
                def.Presentation2 = lastChar.ToString();
                presentation1 = presentation[..^1];
            }
            else
            {
                presentation1 = presentation;
            }
        }
        else
        {
            presentation1 = def.NoComponent ? null : DefaultPresentationModifiers.GetValueOrDefault(def.Component);
        }

        if (presentation1 is null)
        {
            throw Errors.Create("D3132", def.NoComponent ? "" : def.Component.ToString());
        }

        def.Presentation1 = presentation1;
        if (presentation1.StartsWith('n'))
        {
            def.Names = LetterCase.Lower;
        }
        else if (presentation1.StartsWith('N'))
        {
            def.Names = presentation1.Length > 1 && presentation1[1] == 'n' ? LetterCase.Title : LetterCase.Upper;
        }
        else if (!def.NoComponent && "YMDdFWwXxHhmsf".Contains(def.Component, StringComparison.Ordinal))
        {
            var integerPattern = def.Presentation2 is null ? presentation1 : presentation1 + ";" + def.Presentation2;
            var integerFormat = IntegerPicture.Analyse(integerPattern);
            def.IntegerFormat = integerFormat;
            if (def.Width?.Min is { } min && integerFormat.MandatoryDigits < min)
            {
                integerFormat.MandatoryDigits = min;
            }

            if (def.Component == 'Y')
            {
                // §9.8.4.4: a width of two or more keeps that many low digits of the year.
                if (def.Width?.Max is { } max)
                {
                    def.N = max;
                    integerFormat.MandatoryDigits = max;
                }
                else
                {
                    var w = integerFormat.MandatoryDigits + integerFormat.OptionalDigits;
                    if (w >= 2)
                    {
                        def.N = w;
                    }
                }
            }

            // Two integers with no literal between can only be told apart by fixed widths when parsing.
            if (spec.Count > 0 && spec[^1].IntegerFormat is { } previous)
            {
                previous.ParseWidth = previous.MandatoryDigits;
            }
        }

        if (def.Component is 'Z' or 'z' && !def.NoComponent)
        {
            def.IntegerFormat = IntegerPicture.Analyse(presentation1);
        }

        return def;
    }

    private static (double Year, double Month) NextMonth(double year, double month) => month == 11 ? (year + 1, 0) : (year, month + 1);

    private static (double Year, double Month) PreviousMonth(double year, double month) => month == 0 ? (year - 1, 11) : (year, month - 1);

    /// <summary>Millis at the start of week 1 of a year or month: ISO 8601's week holding its first Thursday, weeks starting Monday.</summary>
    private static double StartOfFirstWeek(double year, double month)
    {
        var first = JsDate.Utc(year, month);
        var day = JsDate.Split(first).Day;
        if (day == 0)
        {
            day = 7;
        }

        return day > 4 ? first + ((8 - day) * MillisInADay) : first - ((day - 1) * MillisInADay);
    }

    private static double DeltaWeeks(double start, double end) => ((end - start) / (MillisInADay * 7)) + 1;

    /// <summary>A component's value: a number, or for P the string am/pm, for C and E "ISO"; null for Z, z and unknown letters.</summary>
    private static object? Fragment(JsDate.Fields date, char component)
    {
        switch (component)
        {
            case 'Y':
                return date.Year;
            case 'M':
                return date.Month + 1;
            case 'D':
                return date.Date;
            case 'd':
            {
                var today = JsDate.Utc(date.Year, date.Month, date.Date);
                var firstJan = JsDate.Utc(date.Year, 0);
                return ((today - firstJan) / MillisInADay) + 1;
            }

            case 'F':
                return date.Day == 0 ? 7 : date.Day;
            case 'W':
            {
                var startOfWeek1 = StartOfFirstWeek(date.Year, 0);
                var today = JsDate.Utc(date.Year, date.Month, date.Date);
                var week = DeltaWeeks(startOfWeek1, today);
                if (week > 52)
                {
                    if (today >= StartOfFirstWeek(date.Year + 1, 0))
                    {
                        week = 1;
                    }
                }
                else if (week < 1)
                {
                    week = DeltaWeeks(StartOfFirstWeek(date.Year - 1, 0), today);
                }

                return Math.Floor(week);
            }

            case 'w':
            {
                var startOfWeek1 = StartOfFirstWeek(date.Year, date.Month);
                var today = JsDate.Utc(date.Year, date.Month, date.Date);
                var week = DeltaWeeks(startOfWeek1, today);
                if (week > 4)
                {
                    var (ny, nm) = NextMonth(date.Year, date.Month);
                    if (today >= StartOfFirstWeek(ny, nm))
                    {
                        week = 1;
                    }
                }
                else if (week < 1)
                {
                    var (py, pm) = PreviousMonth(date.Year, date.Month);
                    week = DeltaWeeks(StartOfFirstWeek(py, pm), today);
                }

                return Math.Floor(week);
            }

            case 'X':
            {
                // The reference's extension: the ISO week-numbering year (Sat 1 Jan 2005 is in week 53 of 2004).
                var startOfIsoYear = StartOfFirstWeek(date.Year, 0);
                var endOfIsoYear = StartOfFirstWeek(date.Year + 1, 0);
                return date.Time < startOfIsoYear ? date.Year - 1 : date.Time >= endOfIsoYear ? date.Year + 1 : date.Year;
            }

            case 'x':
            {
                // The reference's extension: the month a week-of-month belongs to.
                var startOfIsoMonth = StartOfFirstWeek(date.Year, date.Month);
                var next = NextMonth(date.Year, date.Month);
                var endOfIsoMonth = StartOfFirstWeek(next.Year, next.Month);
                if (date.Time < startOfIsoMonth)
                {
                    return PreviousMonth(date.Year, date.Month).Month + 1;
                }

                return date.Time >= endOfIsoMonth ? next.Month + 1 : date.Month + 1;
            }

            case 'H':
                return date.Hours;
            case 'h':
            {
                var hour = date.Hours % 12;
                return hour == 0 ? 12 : hour;
            }

            case 'P':
                return date.Hours >= 12 ? "pm" : "am";
            case 'm':
                return date.Minutes;
            case 's':
                return date.Seconds;
            case 'f':
                return date.Milliseconds;
            case 'C':
            case 'E':
                return "ISO";
            default:
                return null;
        }
    }

    private static string FormatComponent(JsDate.Fields date, Part spec, double offsetHours, double offsetMinutes)
    {
        var value = spec.NoComponent ? null : Fragment(date, spec.Component);
        if (!spec.NoComponent && "YMDdFWwXxHhms".Contains(spec.Component, StringComparison.Ordinal))
        {
            var number = (double)value!;
            if (spec.Component == 'Y' && spec.N != -1)
            {
                number %= Math.Pow(10, spec.N);
            }

            if (spec.Names is { } names)
            {
                string text;
                if (spec.Component is 'M' or 'x')
                {
                    text = NameAt(Months, number - 1);
                }
                else if (spec.Component == 'F')
                {
                    text = NameAt(Days, number);
                }
                else
                {
                    throw Errors.Create("D3133", spec.Component.ToString());
                }

                text = names switch
                {
                    LetterCase.Upper => text.ToUpperInvariant(),
                    LetterCase.Lower => text.ToLowerInvariant(),
                    _ => text,
                };
                if (spec.Width?.Max is { } max && text.Length > max)
                {
                    text = Js.Substring(text, 0, max);
                }

                return text;
            }

            return FormatAnalysed(number, spec.IntegerFormat!);
        }

        if (spec.Component == 'f' && !spec.NoComponent)
        {
            // Names on fractional seconds ([fn]) leave no integer format; the reference then fails with a TypeError.
            // That is the name modifier on something other than a month or day, which D3133 says.
            return FormatAnalysed((double)value!, spec.IntegerFormat ?? throw Errors.Create("D3133", "f"));
        }

        if (spec.Component is 'Z' or 'z' && !spec.NoComponent)
        {
            var offset = (offsetHours * 100) + offsetMinutes;
            var format = spec.IntegerFormat!;
            string text;
            if (format.Regular)
            {
                text = FormatAnalysed(offset, format);
            }
            else
            {
                var digits = format.Primary == Primary.Decimal ? format.MandatoryDigits : 0;
                if (digits is 1 or 2)
                {
                    text = FormatAnalysed(offsetHours, format);
                    if (offsetMinutes != 0)
                    {
                        text += ":" + IntegerPicture.Format(offsetMinutes, "00");
                    }
                }
                else if (digits is 3 or 4)
                {
                    text = FormatAnalysed(offset, format);
                }
                else
                {
                    throw Errors.Create("D3134", digits.ToString(CultureInfo.InvariantCulture));
                }
            }

            if (offset >= 0)
            {
                text = "+" + text;
            }

            if (spec.Component == 'z')
            {
                text = "GMT" + text;
            }

            if (offset == 0 && spec.Presentation2 == "t")
            {
                text = "Z";
            }

            return text;
        }

        if (spec.Component == 'P' && !spec.NoComponent)
        {
            var text = (string)value!;
            return spec.Names == LetterCase.Upper ? text.ToUpperInvariant() : text;
        }

        // C and E print "ISO"; any other letter has no value, which the reference concatenates as "undefined".
        return value as string ?? "undefined";
    }

    // An invalid date indexes the name table with NaN, which is undefined there and prints as such.
    private static string NameAt(string[] names, double index) =>
        index >= 0 && index < names.Length && index == Math.Floor(index) ? names[(int)index] : "undefined";

    private sealed class PartMatcher
    {
        public required string Regex { get; init; }

        public Func<string, double?>? Parse { get; init; }

        public char Component { get; init; }
    }

    private static PartMatcher MatcherFor(Part part)
    {
        if (part.IsLiteral)
        {
            return new PartMatcher { Regex = System.Text.RegularExpressions.Regex.Escape(part.Literal) };
        }

        var component = part.Component;
        if (!part.NoComponent && component is 'Z' or 'z')
        {
            var format = part.IntegerFormat!;
            var separator = format.Regular ? format.GroupingSeparators[0].Character : null;
            // Escaped, unlike the reference, so a separator such as '(' matches itself instead of breaking the regex.
            var regex = (component == 'z' ? "GMT" : "") + "[-+][0-9]+" + (separator is null ? "" : System.Text.RegularExpressions.Regex.Escape(separator) + "[0-9]+");
            return new PartMatcher
            {
                Regex = regex,
                Component = component,
                Parse = value =>
                {
                    if (component == 'z')
                    {
                        value = value[3..];
                    }

                    double hours, minutes = 0;
                    if (separator is not null)
                    {
                        var at = value.IndexOf(separator, StringComparison.Ordinal);
                        hours = JsNumber.ParseInt(value[..at]);
                        minutes = JsNumber.ParseInt(value[(at + separator.Length)..]);
                    }
                    else if (value.Length - 1 <= 2)
                    {
                        hours = JsNumber.ParseInt(value);
                    }
                    else
                    {
                        // As the reference does: the minutes keep no sign, so -0130 is -60 + 30 minutes.
                        hours = JsNumber.ParseInt(value[..3]);
                        minutes = JsNumber.ParseInt(value[3..]);
                    }

                    return (hours * 60) + minutes;
                },
            };
        }

        if (!part.NoComponent && component == 'f')
        {
            return new PartMatcher
            {
                Regex = "[0-9]+",
                Component = component,
                Parse = value => JsNumber.ParseNumber("0." + Js.Substring(value, 0, 3)) * 1000,
            };
        }

        if (part.IntegerFormat is { } integerFormat)
        {
            var matcher = IntegerPicture.Matcher.For(integerFormat);
            return new PartMatcher { Regex = matcher.Regex, Parse = matcher.Parse, Component = component };
        }

        var lookup = new Dictionary<string, double>(StringComparer.Ordinal);
        string Key(string name) => part.Width?.Max is { } max and not 0 ? Js.Substring(name, 0, max) : name;
        if (!part.NoComponent && component is 'M' or 'x')
        {
            for (var i = 0; i < Months.Length; i++)
            {
                lookup[Key(Months[i])] = i + 1;
            }
        }
        else if (!part.NoComponent && component == 'F')
        {
            for (var i = 1; i < Days.Length; i++)
            {
                lookup[Key(Days[i])] = i;
            }
        }
        else if (!part.NoComponent && component == 'P')
        {
            lookup["am"] = 0;
            lookup["AM"] = 0;
            lookup["pm"] = 1;
            lookup["PM"] = 1;
        }
        else
        {
            throw Errors.Create("D3133", part.NoComponent ? "" : component.ToString());
        }

        // The regex matches any case but the lookup is exact, as in the reference: "JANUARY" matches and reads as nothing.
        return new PartMatcher
        {
            Regex = "[a-zA-Z]+",
            Component = component,
            Parse = value => lookup.TryGetValue(value, out var n) ? n : null,
        };
    }

    private static double? ParsePicture(string timestamp, string picture, double nowMillis)
    {
        var matchers = Analyse(picture).Select(MatcherFor).ToList();
        var regex = new Regex("^" + string.Concat(matchers.Select(m => "(" + m.Regex + ")")) + @"\z",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
        Match info;
        try
        {
            info = regex.Match(timestamp);
        }
        catch (RegexMatchTimeoutException)
        {
            // Adjacent word components ("[Dw][Yw]") backtrack exponentially on long non-matching input; the
            // reference would hang there. Not matching in time is treated as not matching.
            return null;
        }

        if (!info.Success)
        {
            return null;
        }

        // A component read as nothing (an unknown month name) is present but undefined, as in the reference.
        var components = new Dictionary<char, double?>();
        for (var i = 0; i < matchers.Count; i++)
        {
            if (matchers[i].Parse is { } parse)
            {
                components[matchers[i].Component] = parse(info.Groups[i + 1].Value);
            }
        }

        if (components.Count == 0)
        {
            return null;
        }

        // Which of the date forms {Y M D}, {Y d}, {X x w F}, {X W F} and time forms {H m s f}, {P h m s f} the
        // picture gives, as bit masks over YXMxWwdD and PHhmsf: a form matches when no absent-in-form component is
        // given and at least one of its own is. Zero counts as not given, as JavaScript's truthiness has it.
        bool Given(char c) => components.TryGetValue(c, out var v) && v is { } n && n != 0 && !double.IsNaN(n);
        int Mask(string order) => order.Aggregate(0, (mask, c) => (mask << 1) + (Given(c) ? 1 : 0));
        static bool IsType(int type, int mask) => (~type & mask) == 0 && (type & mask) != 0;

        var dateMask = Mask("YXMxWwdD");
        var dateA = IsType(0b10100001, dateMask);
        var dateB = !dateA && IsType(0b10000010, dateMask);
        var dateC = IsType(0b01010100, dateMask);
        var dateD = !dateC && IsType(0b01001000, dateMask);
        var timeMask = Mask("PHhmsf");
        var timeA = IsType(0b010111, timeMask);
        var timeB = !timeA && IsType(0b101111, timeMask);

        // The reference lists D, not d, for the {Y d} form; kept, since d is read below anyway.
        var dateComps = dateB ? "YD" : dateC ? "XxwF" : dateD ? "XWF" : "YMD";
        var timeComps = timeB ? "Phmsf" : "Hmsf";

        // Above the given components default to now, below them to their lowest value; a gap between is an error.
        var now = JsDate.Split(nowMillis);
        var startSpecified = false;
        var endSpecified = false;
        foreach (var part in dateComps + timeComps)
        {
            if (components.GetValueOrDefault(part) is null)
            {
                if (startSpecified)
                {
                    components[part] = "MDd".Contains(part, StringComparison.Ordinal) ? 1 : 0;
                    endSpecified = true;
                }
                else
                {
                    // Now's P is "am"/"pm" there, which never equals 1 below.
                    components[part] = Fragment(now, part) is double n ? n : -1;
                }
            }
            else
            {
                startSpecified = true;
                if (endSpecified)
                {
                    throw Errors.Create("D3136");
                }
            }
        }

        double Get(char c) => components.GetValueOrDefault(c) ?? double.NaN;
        var month = Get('M') > 0 ? Get('M') - 1 : 0;
        var day = Get('D');
        if (dateB)
        {
            var firstJan = JsDate.Utc(Get('Y'), 0);
            var derived = JsDate.Split(JsDate.TimeClip(firstJan + ((Get('d') - 1) * MillisInADay)));
            month = derived.Month;
            day = derived.Date;
        }

        if (dateC || dateD)
        {
            // The reference cannot build a date from week numbers either.
            throw Errors.Create("D3136");
        }

        var hour = Get('H');
        if (timeB)
        {
            hour = Get('h') == 12 ? 0 : Get('h');
            if (Get('P') == 1)
            {
                hour += 12;
            }
        }

        var millis = JsDate.Utc(Get('Y'), month, day, hour, Get('m'), Get('s'), Get('f'));
        var offset = Given('Z') ? Get('Z') : Given('z') ? Get('z') : 0;
        return millis - (offset * 60 * 1000);
    }
}
