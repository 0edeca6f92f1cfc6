namespace Jsonata.Formatting;

/// <summary>JavaScript's lenient string slicing, whose clamping (and, for slice, counting from the end) the port relies on.</summary>
internal static class Js
{
    /// <summary><c>String.prototype.substring</c>: clamps both ends to the string and swaps them when reversed.</summary>
    public static string Substring(string s, int start, int? end = null)
    {
        var a = Math.Clamp(start, 0, s.Length);
        var b = Math.Clamp(end ?? s.Length, 0, s.Length);
        return a <= b ? s[a..b] : s[b..a];
    }

    /// <summary><c>String.prototype.slice</c>: a negative index counts from the end.</summary>
    public static string Slice(string s, int start, int? end = null)
    {
        static int Resolve(int index, int length) => index < 0 ? Math.Max(length + index, 0) : Math.Min(index, length);
        var a = Resolve(start, s.Length);
        var b = Resolve(end ?? s.Length, s.Length);
        return a < b ? s[a..b] : "";
    }

    /// <summary><c>String.prototype.charAt</c> as a string: empty outside the string.</summary>
    public static string CharAt(string s, int index) => index >= 0 && index < s.Length ? s[index].ToString() : "";

    /// <summary><c>String.prototype.split</c> by a string; an empty separator splits into UTF-16 units.</summary>
    public static string[] Split(string s, string separator) =>
        separator.Length == 0 ? s.Select(c => c.ToString()).ToArray() : s.Split(separator);
}
