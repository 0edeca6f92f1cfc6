// A C# port of the built-in functions of jsonata-js 2.2.2 (https://github.com/jsonata-js/jsonata, MIT,
// © IBM Corp. 2016, 2018). The picture-string functions live in Formatting/ (written alongside) and are wired here.
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Jsonata.Formatting;

namespace Jsonata;

internal static partial class Functions
{
    private static readonly Random SharedRandom = Random.Shared;

    public static bool? Boolean(object? arg)
    {
        switch (arg)
        {
            case null:
                return null;
            case JList list:
                if (list.Count == 1)
                {
                    return Boolean(list[0]) == true;
                }

                return list.Count > 1 && list.Any(v => Boolean(v) == true);
            case string s:
                return s.Length > 0;
            case double d:
                return Evaluator.IsNumeric(d) && d != 0;
            case JObject obj:
                return obj.Count > 0;
            case bool b:
                return b;
            default:
                return false;
        }
    }

    public static string String(object? arg, bool prettify = false)
    {
        switch (arg)
        {
            case string s:
                return s;
            case JFunction:
                return "";
            case double d when !double.IsFinite(d):
                throw new JsonataException("D3001", "Attempting to invoke string function on Infinity or NaN") { Value = d };
            case JList { OuterWrapper: true } wrapped when wrapped.Count > 0:
                return JsonText.Stringify(wrapped[0], prettify);
            default:
                return JsonText.Stringify(arg, prettify);
        }
    }

    /// <summary>The reference's <c>append</c>: undefined arguments are ignored; the result of joining is a plain array.</summary>
    public static object? Append(object? arg1, object? arg2)
    {
        if (arg1 is null)
        {
            return arg2;
        }

        if (arg2 is null)
        {
            return arg1;
        }

        var result = new JList();
        if (arg1 is JList l1)
        {
            result.AddRange(l1);
        }
        else
        {
            result.Add(arg1);
        }

        if (arg2 is JList l2)
        {
            result.AddRange(l2);
        }
        else
        {
            result.Add(arg2);
        }

        return result;
    }

    public static JList MergeSort(JList input, Func<object?, object?, bool> swap)
    {
        if (input.Count <= 1)
        {
            return input;
        }

        var items = input.ToArray();
        var buffer = new object?[items.Length];
        Sort(items, buffer, 0, items.Length, swap);
        return new JList(items);
    }

    private static void Sort(object?[] items, object?[] buffer, int start, int end, Func<object?, object?, bool> swap)
    {
        if (end - start <= 1)
        {
            return;
        }

        var middle = start + ((end - start) / 2);
        Sort(items, buffer, start, middle, swap);
        Sort(items, buffer, middle, end, swap);
        int l = start, r = middle, o = start;
        while (l < middle && r < end)
        {
            if (swap(items[l], items[r]))
            {
                buffer[o++] = items[r++];
            }
            else
            {
                buffer[o++] = items[l++];
            }
        }

        while (l < middle)
        {
            buffer[o++] = items[l++];
        }

        while (r < end)
        {
            buffer[o++] = items[r++];
        }

        Array.Copy(buffer, start, items, start, end - start);
    }

    private static int FunctionArity(object? func) => func is JFunction f ? f.Arity : 0;

    private static object?[] HofArgs(object? func, object? arg1, object? arg2, object? arg3)
    {
        var length = FunctionArity(func);
        return length >= 3 ? [arg1, arg2, arg3] : length >= 2 ? [arg1, arg2] : [arg1];
    }

    private static object? Call(CallContext ctx, object? func, object?[] args) => ctx.Evaluator.Apply(func, args, null, ctx.Environment);

    private static object? Arg(object?[] args, int i) => i < args.Length ? args[i] : null;

    private static string[] ToCodePoints(string str)
    {
        var list = new List<string>(str.Length);
        for (var i = 0; i < str.Length; i++)
        {
            if (char.IsHighSurrogate(str[i]) && i + 1 < str.Length && char.IsLowSurrogate(str[i + 1]))
            {
                list.Add(str.Substring(i, 2));
                i++;
            }
            else
            {
                list.Add(str[i].ToString());
            }
        }

        return [.. list];
    }

    private static double Num(object? v) => v is double d ? d : throw new JsonataException("T0410", "Argument must be a number") { Value = v };

    private static string Str(object? v) => v as string ?? throw new JsonataException("T0410", "Argument must be a string") { Value = v };

    private static JList List(object? v) => v as JList ?? [v];

    private static object? Sum(object?[] a) => Arg(a, 0) is null ? null : List(a[0]).Sum(Num);

    private static object? Max(object?[] a) => Arg(a, 0) is not JList { Count: > 0 } l ? (a.Length > 0 && a[0] is double d ? d : null) : l.Max(Num);

    private static object? Min(object?[] a) => Arg(a, 0) is not JList { Count: > 0 } l ? (a.Length > 0 && a[0] is double d ? d : null) : l.Min(Num);

    private static object? Average(object?[] a) => Arg(a, 0) is not JList { Count: > 0 } l ? (a.Length > 0 && a[0] is double d ? d : null) : l.Sum(Num) / l.Count;

    private static object? Substring(object?[] a)
    {
        if (Arg(a, 0) is not string str)
        {
            return null;
        }

        var chars = ToCodePoints(str);
        var start = Num(Arg(a, 1));
        var length = chars.Length;
        if (length + start < 0)
        {
            start = 0;
        }

        // JS slice: non-integers truncate, negatives count from the end
        static int Clamp(double v, int len)
        {
            if (double.IsNaN(v))
            {
                return 0;
            }

            v = Math.Truncate(v);
            if (v < 0)
            {
                return (int)Math.Max(0, len + v);
            }

            return (int)Math.Min(v, len);
        }

        int s = Clamp(start, length);
        int e = length;
        if (Arg(a, 2) is double len)
        {
            if (len <= 0)
            {
                return "";
            }

            var end = start >= 0 ? start + len : length + start + len;
            e = Clamp(end, length);
        }

        return e <= s ? "" : string.Concat(chars[s..e]);
    }

    private static object? SubstringBefore(object?[] a)
    {
        if (Arg(a, 0) is not string str)
        {
            return null;
        }

        var chars = Str(Arg(a, 1));
        var pos = str.IndexOf(chars, StringComparison.Ordinal);
        return pos > -1 ? str[..pos] : str;
    }

    private static object? SubstringAfter(object?[] a)
    {
        if (Arg(a, 0) is not string str)
        {
            return null;
        }

        var chars = Str(Arg(a, 1));
        var pos = str.IndexOf(chars, StringComparison.Ordinal);
        return pos > -1 ? str[(pos + chars.Length)..] : str;
    }

    [GeneratedRegex("[ \t\n\r]+")]
    private static partial Regex Whitespace();

    private static object? Trim(object?[] a)
    {
        if (Arg(a, 0) is not string str)
        {
            return null;
        }

        var result = Whitespace().Replace(str, " ");
        if (result.StartsWith(' '))
        {
            result = result[1..];
        }

        if (result.EndsWith(' '))
        {
            result = result[..^1];
        }

        return result;
    }

    private static object? Pad(object?[] a)
    {
        if (Arg(a, 0) is not string str)
        {
            return null;
        }

        var ch = Arg(a, 2) as string;
        if (string.IsNullOrEmpty(ch))
        {
            ch = " ";
        }

        var width = Math.Truncate(Num(Arg(a, 1)));
        var padLength = Math.Abs(width) - ToCodePoints(str).Length;
        if (padLength <= 0)
        {
            return str;
        }

        if (padLength > 1e7)
        {
            throw new JsonataException("D3000", "Padding width too large") { Value = width };
        }

        var sb = new StringBuilder();
        for (var i = 0; i < padLength; i++)
        {
            sb.Append(ch);
        }

        var padding = sb.ToString();
        if (ch.Length > 1)
        {
            padding = string.Concat(ToCodePoints(padding).Take((int)padLength));
        }

        return width > 0 ? str + padding : padding + str;
    }

    private static JObject? EvaluateMatcher(CallContext ctx, object? matcher, object?[] args)
    {
        var result = Call(ctx, matcher, args);
        if (result is null)
        {
            return null;
        }

        if (result is not JObject obj || !(obj.GetValueOrDefault("start") is double || obj.GetValueOrDefault("end") is double || obj.GetValueOrDefault("groups") is JList || obj.GetValueOrDefault("next") is JFunction))
        {
            throw new JsonataException("T1010", "The matcher function argument passed to function does not return the correct object structure");
        }

        return obj;
    }

    private static object? Contains(CallContext ctx, object?[] a)
    {
        if (Arg(a, 0) is not string str || Arg(a, 1) is not { } token)
        {
            return null;
        }

        if (token is string t)
        {
            return str.Contains(t, StringComparison.Ordinal);
        }

        return EvaluateMatcher(ctx, token, [str]) is not null;
    }

    private static object? Match(CallContext ctx, object?[] a)
    {
        if (Arg(a, 0) is not string str)
        {
            return null;
        }

        var limit = Arg(a, 2) as double?;
        if (limit < 0)
        {
            throw new JsonataException("D3040", "Third argument of match function must evaluate to a positive number") { Value = limit, Index = 3 };
        }

        var result = JList.Seq();
        if (limit is null || limit > 0)
        {
            var count = 0;
            var matches = EvaluateMatcher(ctx, Arg(a, 1), [str]);
            while (matches is not null && (limit is null || count < limit))
            {
                result.Add(new JObject { ["match"] = matches.GetValueOrDefault("match"), ["index"] = matches.GetValueOrDefault("start"), ["groups"] = matches.GetValueOrDefault("groups") });
                matches = EvaluateMatcher(ctx, matches.GetValueOrDefault("next"), []);
                count++;
            }
        }

        return result;
    }

    private static object? Replace(CallContext ctx, object?[] a)
    {
        if (Arg(a, 0) is not string str)
        {
            return null;
        }

        var pattern = Arg(a, 1);
        var replacement = Arg(a, 2);
        if (pattern is "")
        {
            throw new JsonataException("D3010", "Second argument of replace function cannot be an empty string") { Value = pattern, Index = 2 };
        }

        var limit = Arg(a, 3) as double?;
        if (limit < 0)
        {
            throw new JsonataException("D3011", "Fourth argument of replace function must evaluate to a positive number") { Value = limit, Index = 4 };
        }

        Func<JObject, object?> replacer = replacement is string rs
            ? m => SubstituteGroups(rs, m)
            : m => Call(ctx, replacement, [m]);

        if (limit is not null && limit <= 0)
        {
            return str;
        }

        var result = new StringBuilder();
        var position = 0;
        var count = 0;
        if (pattern is string p)
        {
            var index = str.IndexOf(p, position, StringComparison.Ordinal);
            while (index != -1 && (limit is null || count < limit))
            {
                result.Append(str, position, index - position);
                result.Append(replacement as string ?? Stringish(replacement));
                position = index + p.Length;
                count++;
                index = str.IndexOf(p, position, StringComparison.Ordinal);
            }

            result.Append(str, position, str.Length - position);
            return result.ToString();
        }

        var matches = EvaluateMatcher(ctx, pattern, [str]);
        if (matches is null)
        {
            return str;
        }

        while (matches is not null && (limit is null || count < limit))
        {
            var start = (int)(double)matches["start"]!;
            result.Append(str, position, Math.Max(0, start - position));
            var replacedWith = replacer(matches);
            if (replacedWith is string s)
            {
                result.Append(s);
            }
            else
            {
                throw new JsonataException("D3012", "Attempted to replace a matched string with a non-string value") { Value = replacedWith };
            }

            position = start + ((string)matches["match"]!).Length;
            count++;
            matches = EvaluateMatcher(ctx, matches.GetValueOrDefault("next"), []);
        }

        if (position < str.Length)
        {
            result.Append(str, position, str.Length - position);
        }

        return result.ToString();
    }

    private static string Stringish(object? value) => value switch
    {
        null => "undefined",
        double d => JsonText.NumberToString(d),
        bool b => b ? "true" : "false",
        JNull => "null",
        _ => String(value),
    };

    private static string SubstituteGroups(string replacement, JObject regexMatch)
    {
        var groups = (JList)regexMatch["groups"]!;
        var substitute = new StringBuilder();
        var position = 0;
        var index = replacement.IndexOf('$', position);
        while (index != -1 && position < replacement.Length)
        {
            substitute.Append(replacement, position, index - position);
            position = index + 1;
            var dollarVal = position < replacement.Length ? replacement[position] : '\0';
            if (dollarVal == '$')
            {
                substitute.Append('$');
                position++;
            }
            else if (dollarVal == '0')
            {
                substitute.Append((string)regexMatch["match"]!);
                position++;
            }
            else
            {
                var maxDigits = groups.Count == 0 ? 1 : (int)Math.Floor(Math.Log10(groups.Count)) + 1;
                var parsed = ParseLeadingInt(replacement, position, maxDigits);
                if (maxDigits > 1 && parsed > groups.Count)
                {
                    parsed = ParseLeadingInt(replacement, position, maxDigits - 1);
                }

                if (parsed is int groupIndex)
                {
                    if (groups.Count > 0 && groupIndex - 1 >= 0 && groupIndex - 1 < groups.Count && groups[groupIndex - 1] is string submatch)
                    {
                        substitute.Append(submatch);
                    }

                    position += groupIndex.ToString(CultureInfo.InvariantCulture).Length;
                }
                else
                {
                    substitute.Append('$');
                }
            }

            index = replacement.IndexOf('$', position);
        }

        substitute.Append(replacement, position, replacement.Length - position);
        return substitute.ToString();
    }

    private static int? ParseLeadingInt(string s, int start, int maxDigits)
    {
        var end = start;
        while (end < s.Length && end - start < maxDigits && char.IsAsciiDigit(s[end]))
        {
            end++;
        }

        return end == start ? null : int.Parse(s.AsSpan(start, end - start), CultureInfo.InvariantCulture);
    }

    private static object? Split(CallContext ctx, object?[] a)
    {
        if (Arg(a, 0) is not string str)
        {
            return null;
        }

        var limit = Arg(a, 2) as double?;
        if (limit < 0)
        {
            throw new JsonataException("D3020", "Third argument of split function must evaluate to a positive number") { Value = limit, Index = 3 };
        }

        var result = new JList();
        if (limit is not null && limit <= 0)
        {
            return result;
        }

        var separator = Arg(a, 1);
        if (separator is string sep)
        {
            limit = limit is double lim ? Math.Truncate(lim) : null;
            IEnumerable<string> parts = sep.Length == 0 ? str.Select(c => c.ToString()) : str.Split(sep);
            foreach (var part in parts)
            {
                if (limit is not null && result.Count >= limit)
                {
                    break;
                }

                result.Add(part);
            }

            return result;
        }

        var count = 0;
        var matches = EvaluateMatcher(ctx, separator, [str]);
        if (matches is null)
        {
            result.Add(str);
            return result;
        }

        var start = 0;
        while (matches is not null && (limit is null || count < limit))
        {
            var ms = (int)(double)matches["start"]!;
            result.Add(ms >= start ? str[start..ms] : "");
            start = (int)(double)matches["end"]!;
            matches = EvaluateMatcher(ctx, matches.GetValueOrDefault("next"), []);
            count++;
        }

        if (limit is null || count < limit)
        {
            result.Add(start <= str.Length ? str[start..] : "");
        }

        return result;
    }

    private static object? Join(object?[] a)
    {
        if (Arg(a, 0) is null)
        {
            return null;
        }

        var separator = Arg(a, 1) as string ?? "";
        return string.Join(separator, List(a[0]).Select(Str));
    }

    private static object? FormatBase(object?[] a)
    {
        if (Arg(a, 0) is null)
        {
            return null;
        }

        var value = RoundHalfEven(Num(a[0]), 0);
        var radix = Arg(a, 1) is double r ? RoundHalfEven(r, 0) : 10;
        if (radix < 2 || radix > 36)
        {
            throw new JsonataException("D3100", $"The radix of the formatBase function must be between 2 and 36.  It was given {JsonText.NumberToString(radix)}") { Value = radix };
        }

        return ToRadix(value, (int)radix);
    }

    private static string ToRadix(double value, int radix)
    {
        if (radix == 10)
        {
            return JsonText.NumberToString(value);
        }

        var negative = value < 0;
        var v = Math.Abs(value);
        if (v < 1)
        {
            return "0";
        }

        var sb = new StringBuilder();
        while (v >= 1)
        {
            var digit = (int)(v % radix);
            sb.Insert(0, "0123456789abcdefghijklmnopqrstuvwxyz"[digit]);
            v = Math.Floor(v / radix);
        }

        return (negative ? "-" : "") + sb;
    }

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?([Ee][-+]?[0-9]+)?$")]
    private static partial Regex DecimalNumber();

    [GeneratedRegex("^(0[xX][0-9A-Fa-f]+)|(0[oO][0-7]+)|(0[bB][0-1]+)$")]
    private static partial Regex PrefixedNumber();

    // $formatNumber's options object: its string members are the decimal-format properties (others are ignored, as
    // the reference ignores them).
    private static DecimalFormat? DecimalFormatOf(JObject? options)
    {
        if (options is null)
        {
            return null;
        }

        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, option) in options)
        {
            if (option is string text)
            {
                strings[key] = text;
            }
        }

        return DecimalFormat.FromOptions(strings);
    }

    private static object? Number(object?[] a)
    {
        var arg = Arg(a, 0);
        switch (arg)
        {
            case null:
                return null;
            case double d:
                return d;
            case string s when DecimalNumber().IsMatch(s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed):
                return parsed;
            case string s when PrefixedNumber().IsMatch(s) && TryParsePrefixed(s, out var prefixed):
                return prefixed;
            case bool b:
                return b ? 1.0 : 0.0;
            default:
                throw new JsonataException("D3030", $"Unable to cast value to a number: {Stringish(arg)}") { Value = arg, Index = 1 };
        }
    }

    private static bool TryParsePrefixed(string s, out double value)
    {
        value = 0;
        if (s.Length < 3 || s[0] != '0')
        {
            return false;
        }

        var radix = char.ToLowerInvariant(s[1]) switch { 'x' => 16, 'o' => 8, 'b' => 2, _ => 0 };
        if (radix == 0)
        {
            return false;
        }

        foreach (var c in s[2..])
        {
            var digit = Uri.IsHexDigit(c) ? Convert.ToInt32(c.ToString(), 16) : 99;
            if (digit >= radix)
            {
                return false;
            }

            value = (value * radix) + digit;
        }

        return true;
    }

    /// <summary>The reference's $round: half to even, with the decimal shift done on the decimal string to avoid binary error.</summary>
    internal static double RoundHalfEven(double arg, double precision)
    {
        if (precision != 0)
        {
            arg = Shift(arg, (int)precision);
        }

        // JS Math.round rounds .5 towards +infinity, then the reference corrects to even
        var result = Math.Floor(arg + 0.5);
        var diff = result - arg;
        if (Math.Abs(diff) == 0.5 && Math.Abs(result % 2) == 1)
        {
            result -= 1;
        }

        if (precision != 0)
        {
            result = Shift(result, -(int)precision);
        }

        return result == 0 ? 0 : result;
    }

    private static double Shift(double value, int places)
    {
        var text = JsonText.NumberToString(value);
        var parts = text.Split('e');
        var exponent = parts.Length > 1 ? int.Parse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) + places : places;
        return double.Parse(parts[0] + "e" + exponent.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static object? Power(object?[] a)
    {
        if (Arg(a, 0) is null)
        {
            return null;
        }

        var result = Math.Pow(Num(a[0]), Num(Arg(a, 1)));
        if (!double.IsFinite(result))
        {
            throw new JsonataException("D3061", "The power function has resulted in a value that cannot be represented as a JSON number") { Value = a[0], Index = 1 };
        }

        return result;
    }

    private static object? Sqrt(object?[] a)
    {
        if (Arg(a, 0) is null)
        {
            return null;
        }

        var v = Num(a[0]);
        if (v < 0)
        {
            throw new JsonataException("D3060", $"The sqrt function cannot be applied to a negative number: {JsonText.NumberToString(v)}") { Value = v, Index = 1 };
        }

        return Math.Sqrt(v);
    }

    private static object? Map(CallContext ctx, object?[] a)
    {
        if (Arg(a, 0) is not JList arr)
        {
            return null;
        }

        var func = Arg(a, 1);
        var result = JList.Seq();
        for (var i = 0; i < arr.Count; i++)
        {
            var res = Call(ctx, func, HofArgs(func, arr[i], (double)i, arr));
            if (res is not null)
            {
                result.Add(res);
            }
        }

        return result;
    }

    private static object? Filter(CallContext ctx, object?[] a)
    {
        if (Arg(a, 0) is not JList arr)
        {
            return null;
        }

        var func = Arg(a, 1);
        var result = JList.Seq();
        for (var i = 0; i < arr.Count; i++)
        {
            if (Boolean(Call(ctx, func, HofArgs(func, arr[i], (double)i, arr))) == true)
            {
                result.Add(arr[i]);
            }
        }

        return result;
    }

    private static object? Single(CallContext ctx, object?[] a)
    {
        if (Arg(a, 0) is not JList arr)
        {
            return null;
        }

        var func = Arg(a, 1);
        var found = false;
        object? result = null;
        for (var i = 0; i < arr.Count; i++)
        {
            var positive = func is null || Boolean(Call(ctx, func, HofArgs(func, arr[i], (double)i, arr))) == true;
            if (positive)
            {
                if (found)
                {
                    throw new JsonataException("D3138", "The $single() function expected exactly 1 matching result.  Instead it matched more.") { Index = i };
                }

                result = arr[i];
                found = true;
            }
        }

        if (!found)
        {
            throw new JsonataException("D3139", "The $single() function expected exactly 1 matching result.  Instead it matched 0.");
        }

        return result;
    }

    private static object? Zip(object?[] a)
    {
        var result = new JList();
        if (a.Length == 0)
        {
            return result;
        }

        var length = a.Min(arg => arg is JList l ? l.Count : 0);
        for (var i = 0; i < length; i++)
        {
            result.Add(new JList(a.Select(arg => ((JList)arg!)[i])));
        }

        return result;
    }

    private static object? FoldLeft(CallContext ctx, object?[] a)
    {
        if (Arg(a, 0) is not JList sequence)
        {
            return null;
        }

        var func = Arg(a, 1);
        var arity = FunctionArity(func);
        if (arity < 2)
        {
            throw new JsonataException("D3050", "The second argument of reduce function must be a function with at least two arguments") { Index = 1 };
        }

        object? result;
        int index;
        if (a.Length < 3 || a[2] is null)
        {
            if (sequence.Count > 0)
            {
                result = sequence[0];
                index = 1;
            }
            else
            {
                result = null;
                index = 0;
            }
        }
        else
        {
            result = a[2];
            index = 0;
        }

        while (index < sequence.Count)
        {
            object?[] args = arity >= 4 ? [result, sequence[index], (double)index, sequence] : arity >= 3 ? [result, sequence[index], (double)index] : [result, sequence[index]];
            result = Call(ctx, func, args);
            index++;
        }

        return result;
    }

    private static JList Keys(object? arg)
    {
        var result = JList.Seq();
        if (arg is JList list)
        {
            var merged = new JObject();
            foreach (var item in list)
            {
                foreach (var key in Keys(item))
                {
                    merged[(string)key!] = true;
                }
            }

            return Keys(merged);
        }

        if (arg is JObject obj)
        {
            foreach (var key in obj.Keys)
            {
                result.Add(key);
            }
        }

        return result;
    }

    private static JList Spread(object? arg)
    {
        if (arg is JList list)
        {
            object result = JList.Seq();
            foreach (var item in list)
            {
                result = Append(result, Spread(item))!;
            }

            return (JList)result;
        }

        if (arg is JObject obj)
        {
            var result = JList.Seq();
            foreach (var (key, value) in obj)
            {
                result.Add(new JObject { [key] = value });
            }

            return result;
        }

        return arg is null ? JList.Seq() : JList.Seq(arg);
    }

    private static object? SpreadValue(object? arg)
    {
        if (arg is JList or JObject)
        {
            return Spread(arg);
        }

        return arg;
    }

    private static object? Merge(object?[] a)
    {
        if (Arg(a, 0) is null)
        {
            return null;
        }

        var result = new JObject();
        foreach (var obj in List(a[0]))
        {
            if (obj is JObject o)
            {
                foreach (var (k, v) in o)
                {
                    result[k] = v;
                }
            }
        }

        return result;
    }

    private static object? Reverse(object?[] a)
    {
        if (Arg(a, 0) is not JList arr)
        {
            return null;
        }

        if (arr.Count <= 1)
        {
            return arr;
        }

        var result = new JList(arr);
        result.Reverse();
        return result;
    }

    private static object? Each(CallContext ctx, object?[] a)
    {
        var result = JList.Seq();
        if (Arg(a, 0) is not JObject obj)
        {
            return result;
        }

        var func = Arg(a, 1);
        foreach (var (key, value) in obj.ToList())
        {
            var val = Call(ctx, func, HofArgs(func, value, key, obj));
            if (val is not null)
            {
                result.Add(val);
            }
        }

        return result;
    }

    private static object? Sift(CallContext ctx, object?[] a)
    {
        if (Arg(a, 0) is not JObject obj)
        {
            return null;
        }

        var func = Arg(a, 1);
        var result = new JObject();
        foreach (var (key, value) in obj.ToList())
        {
            if (Boolean(Call(ctx, func, HofArgs(func, value, key, obj))) == true)
            {
                result[key] = value;
            }
        }

        return result.Count == 0 ? null : result;
    }

    private static object? TypeOf(object?[] a) => Arg(a, 0) switch
    {
        null => null,
        JNull => "null",
        double => "number",
        string => "string",
        bool => "boolean",
        JList => "array",
        JFunction => "function",
        _ => "object",
    };

    private static object? Sort(CallContext ctx, object?[] a)
    {
        if (Arg(a, 0) is not JList arr)
        {
            return Arg(a, 0);
        }

        if (arr.Count <= 1)
        {
            return arr;
        }

        var comparator = Arg(a, 1);
        if (comparator is null)
        {
            if (Evaluator.IsArrayOfNumbers(arr))
            {
                return MergeSort(arr, (x, y) => (double)x! > (double)y!);
            }

            if (Evaluator.IsArrayOfStrings(arr))
            {
                return MergeSort(arr, (x, y) => string.CompareOrdinal((string)x!, (string)y!) > 0);
            }

            throw new JsonataException("D3070", "The single argument form of the sort function can only be applied to an array of strings or an array of numbers.  Use the second argument to specify a comparison function") { Index = 1 };
        }

        return MergeSort(arr, (x, y) => Boolean(Call(ctx, comparator, [x, y])) == true);
    }

    private static object? Shuffle(object?[] a)
    {
        if (Arg(a, 0) is not JList arr)
        {
            return null;
        }

        if (arr.Count <= 1)
        {
            return arr;
        }

        var result = new object?[arr.Count];
        for (var i = 0; i < arr.Count; i++)
        {
            var j = SharedRandom.Next(i + 1);
            if (i != j)
            {
                result[i] = result[j];
            }

            result[j] = arr[i];
        }

        return new JList(result);
    }

    private static object? Distinct(object?[] a)
    {
        var arg = Arg(a, 0);
        if (arg is not JList arr || arr.Count <= 1)
        {
            return arg;
        }

        var results = arr.Sequence ? JList.Seq() : new JList();
        foreach (var value in arr)
        {
            if (!results.Any(r => Evaluator.DeepEqual(value, r)))
            {
                results.Add(value);
            }
        }

        return results;
    }

    private static object? Base64Encode(object?[] a)
    {
        if (Arg(a, 0) is not string str)
        {
            return null;
        }

        // Node's Buffer.from(str, 'binary') keeps the low byte of each UTF-16 unit.
        var bytes = str.Select(c => (byte)(c & 0xFF)).ToArray();
        return Convert.ToBase64String(bytes);
    }

    private static object? Base64Decode(object?[] a)
    {
        if (Arg(a, 0) is not string str)
        {
            return null;
        }

        var cleaned = new string(str.Where(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/').ToArray());
        cleaned = cleaned.PadRight(cleaned.Length + ((4 - (cleaned.Length % 4)) % 4), '=');
        if (cleaned.Length % 4 == 1)
        {
            cleaned = cleaned[..^1];
        }

        try
        {
            var bytes = Convert.FromBase64String(cleaned);
            return new string(bytes.Select(b => (char)b).ToArray());
        }
        catch (FormatException)
        {
            return "";
        }
    }

    private static object? UrlCode(object?[] a, string name, Func<string, string> code)
    {
        if (Arg(a, 0) is not string str)
        {
            return null;
        }

        try
        {
            return code(str);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or UriFormatException)
        {
            throw new JsonataException("D3140", $"Malformed URL passed to ${name}(): \"{str}\"") { Value = str };
        }
    }

    private static object? ToMillis(CallContext ctx, object?[] a) =>
        Arg(a, 0) is string timestamp ? DateTimePicture.Parse(timestamp, Arg(a, 1) as string, ctx.Environment.Base!.Timestamp) : null;

    private static object? Clone(object?[] a)
    {
        var arg = Arg(a, 0);
        return arg is null ? null : JsonText.Parse(String(arg));
    }

    private static object? Eval(CallContext ctx, object?[] a)
    {
        if (Arg(a, 0) is not string expr)
        {
            return null;
        }

        var input = ctx.Input;
        if (a.Length > 1 && a[1] is not null)
        {
            input = a[1];
            if (input is JList { Sequence: false } arr)
            {
                input = JList.Seq(arr);
                ((JList)input).OuterWrapper = true;
            }
        }

        Node ast;
        try
        {
            ast = Parser.Parse(expr);
        }
        catch (JsonataException err)
        {
            throw new JsonataException("D3120", $"Syntax error in expression passed to function eval: {err.Message}", inner: err) { Value = err.Message };
        }

        try
        {
            return ctx.Evaluator.Evaluate(ast, input, ctx.Environment);
        }
        catch (JsonataException err) when (err.Code is not ("D1011" or "D1012"))
        {
            throw new JsonataException("D3121", $"Dynamic error evaluating the expression passed to function eval: {err.Message}", inner: err) { Value = err.Message };
        }
    }

    private static NativeFunction F(string signature, int arity, Func<object?[], object?> impl) => new(signature, arity, (_, a) => impl(a));

    private static NativeFunction F(string signature, int arity, Func<CallContext, object?[], object?> impl) => new(signature, arity, impl);

    /// <summary>Every built-in, with the reference's signature and the JavaScript parameter count (used by partial application and by $map etc.).</summary>
    public static readonly IReadOnlyDictionary<string, JFunction> BuiltIns = new Dictionary<string, JFunction>(StringComparer.Ordinal)
    {
        ["sum"] = F("<a<n>:n>", 1, Sum),
        ["count"] = F("<a:n>", 1, a => Arg(a, 0) is JList l ? l.Count : (Arg(a, 0) is null ? 0.0 : 1.0)),
        ["max"] = F("<a<n>:n>", 1, Max),
        ["min"] = F("<a<n>:n>", 1, Min),
        ["average"] = F("<a<n>:n>", 1, Average),
        ["string"] = F("<x-b?:s>", 1, a => Arg(a, 0) is null ? null : String(a[0], Arg(a, 1) is true)),
        ["substring"] = F("<s-nn?:s>", 3, Substring),
        ["substringBefore"] = F("<s-s:s>", 2, SubstringBefore),
        ["substringAfter"] = F("<s-s:s>", 2, SubstringAfter),
        ["lowercase"] = F("<s-:s>", 1, a => Arg(a, 0) is string s ? CaseMapping.ToLower(s) : null),
        ["uppercase"] = F("<s-:s>", 1, a => Arg(a, 0) is string s ? CaseMapping.ToUpper(s) : null),
        ["length"] = F("<s-:n>", 1, a => Arg(a, 0) is string s ? (double)ToCodePoints(s).Length : null),
        ["trim"] = F("<s-:s>", 1, Trim),
        ["pad"] = F("<s-ns?:s>", 3, Pad),
        ["match"] = F("<s-f<s:o>n?:a<o>>", 3, Match),
        ["contains"] = F("<s-(sf):b>", 2, Contains),
        ["replace"] = F("<s-(sf)(sf)n?:s>", 4, Replace),
        ["split"] = F("<s-(sf)n?:a<s>>", 3, Split),
        ["join"] = F("<a<s>s?:s>", 2, Join),
        ["formatNumber"] = F("<n-so?:s>", 3, a => Arg(a, 0) is null ? null : NumberPicture.Format(Num(a[0]), Str(Arg(a, 1)), DecimalFormatOf(Arg(a, 2) as JObject))),
        ["formatBase"] = F("<n-n?:s>", 2, FormatBase),
        ["formatInteger"] = F("<n-s:s>", 2, a => Arg(a, 0) is null ? null : IntegerPicture.Format(Num(a[0]), Str(Arg(a, 1)))),
        ["parseInteger"] = F("<s-s:n>", 2, a => Arg(a, 0) is null ? null : IntegerPicture.Parse(Str(a[0]), Str(Arg(a, 1)))),
        ["number"] = F("<(nsb)-:n>", 1, Number),
        ["floor"] = F("<n-:n>", 1, a => Arg(a, 0) is null ? null : Math.Floor(Num(a[0]))),
        ["ceil"] = F("<n-:n>", 1, a => Arg(a, 0) is null ? null : Math.Ceiling(Num(a[0]))),
        ["round"] = F("<n-n?:n>", 2, a => Arg(a, 0) is null ? null : RoundHalfEven(Num(a[0]), Arg(a, 1) is double p ? p : 0)),
        ["abs"] = F("<n-:n>", 1, a => Arg(a, 0) is null ? null : Math.Abs(Num(a[0]))),
        ["sqrt"] = F("<n-:n>", 1, Sqrt),
        ["power"] = F("<n-n:n>", 2, Power),
        ["random"] = F("<:n>", 0, _ => SharedRandom.NextDouble()),
        ["boolean"] = F("<x-:b>", 1, a => Boolean(Arg(a, 0))),
        ["not"] = F("<x-:b>", 1, a => Arg(a, 0) is null ? null : Boolean(a[0]) != true),
        ["map"] = F("<af>", 2, Map),
        ["zip"] = F("<a+>", 0, Zip),
        ["filter"] = F("<af>", 2, Filter),
        ["single"] = F("<af?>", 2, Single),
        ["reduce"] = F("<afj?:j>", 3, FoldLeft),
        ["sift"] = F("<o-f?:o>", 2, Sift),
        ["keys"] = F("<x-:a<s>>", 1, a => Keys(Arg(a, 0))),
        ["lookup"] = F("<x-s:x>", 2, a => Evaluator.Lookup(Arg(a, 0), Str(Arg(a, 1)))),
        ["append"] = F("<xx:a>", 2, a => Append(Arg(a, 0), Arg(a, 1))),
        ["exists"] = F("<x:b>", 1, a => Arg(a, 0) is not null),
        ["spread"] = F("<x-:a<o>>", 1, a => SpreadValue(Arg(a, 0))),
        ["merge"] = F("<a<o>:o>", 1, Merge),
        ["reverse"] = F("<a:a>", 1, Reverse),
        ["each"] = F("<o-f:a>", 2, Each),
        ["error"] = F("<s?:x>", 1, a => throw new JsonataException("D3137", Arg(a, 0) as string is { Length: > 0 } m ? m : "$error() function evaluated")),
        ["assert"] = F("<bs?:x>", 2, a => Arg(a, 0) is true ? null : throw new JsonataException("D3141", Arg(a, 1) as string is { Length: > 0 } m ? m : "$assert() statement failed")),
        ["type"] = F("<x:s>", 1, TypeOf),
        ["sort"] = F("<af?:a>", 2, Sort),
        ["shuffle"] = F("<a:a>", 1, Shuffle),
        ["distinct"] = F("<x:x>", 1, Distinct),
        ["base64encode"] = F("<s-:s>", 1, Base64Encode),
        ["base64decode"] = F("<s-:s>", 1, Base64Decode),
        ["encodeUrlComponent"] = F("<s-:s>", 1, a => UrlCode(a, "encodeUrlComponent", UrlCoding.EncodeComponent)),
        ["encodeUrl"] = F("<s-:s>", 1, a => UrlCode(a, "encodeUrl", UrlCoding.Encode)),
        ["decodeUrlComponent"] = F("<s-:s>", 1, a => UrlCode(a, "decodeUrlComponent", UrlCoding.DecodeComponent)),
        ["decodeUrl"] = F("<s-:s>", 1, a => UrlCode(a, "decodeUrl", UrlCoding.Decode)),
        ["eval"] = F("<sx?:x>", 2, Eval),
        ["toMillis"] = F("<s-s?:n>", 2, ToMillis),
        ["fromMillis"] = F("<n-s?s?:s>", 3, a => Arg(a, 0) is null ? null : DateTimePicture.Format(Num(a[0]), Arg(a, 1) as string, Arg(a, 2) as string)),
        ["clone"] = F("<(oa)-:o>", 1, Clone),
        ["now"] = F("<s?s?:s>", 2, (ctx, a) => DateTimePicture.Format(ctx.Environment.Base!.Timestamp, Arg(a, 0) as string, Arg(a, 1) as string)),
        ["millis"] = F("<:n>", 0, (ctx, _) => ctx.Environment.Base!.Timestamp),
    };
}
