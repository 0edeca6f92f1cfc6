using System.Text;

namespace Jsonata;

/// <summary>JavaScript's encodeURI/encodeURIComponent/decodeURI/decodeURIComponent, which $encodeUrl etc. call.</summary>
internal static class UrlCoding
{
    private const string ComponentUnreserved = "-_.!~*'()";
    private const string UriReserved = ";/?:@&=+$,#";

    public static string EncodeComponent(string s) => Encode(s, ComponentUnreserved);

    public static string Encode(string s) => Encode(s, ComponentUnreserved + UriReserved);

    private static string Encode(string s, string keep)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiLetterOrDigit(c) || keep.Contains(c, StringComparison.Ordinal))
            {
                sb.Append(c);
                continue;
            }

            string unit;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]))
                {
                    throw new FormatException("lone surrogate");
                }

                unit = s.Substring(i, 2);
                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                throw new FormatException("lone surrogate");
            }
            else
            {
                unit = c.ToString();
            }

            foreach (var b in Encoding.UTF8.GetBytes(unit))
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    public static string DecodeComponent(string s) => Decode(s, "");

    public static string Decode(string s) => Decode(s, UriReserved);

    private static string Decode(string s, string reservedSet)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '%')
            {
                sb.Append(s[i]);
                continue;
            }

            var bytes = new List<byte>();
            var start = i;
            var first = HexByte(s, i);
            int needed = first < 0x80 ? 0 : (first & 0xE0) == 0xC0 ? 1 : (first & 0xF0) == 0xE0 ? 2 : (first & 0xF8) == 0xF0 ? 3 : -1;
            if (needed < 0)
            {
                throw new FormatException("malformed");
            }

            bytes.Add(first);
            i += 2;
            for (var k = 0; k < needed; k++)
            {
                i++;
                var b = HexByte(s, i);
                if ((b & 0xC0) != 0x80)
                {
                    throw new FormatException("malformed");
                }

                bytes.Add(b);
                i += 2;
            }

            if (needed == 0 && reservedSet.Contains((char)first, StringComparison.Ordinal))
            {
                sb.Append(s, start, 3);
                continue;
            }

            var decoded = new UTF8Encoding(false, true).GetString([.. bytes]);
            sb.Append(decoded);
        }

        return sb.ToString();
    }

    private static byte HexByte(string s, int i)
    {
        if (i + 2 >= s.Length || s[i] != '%' || !Uri.IsHexDigit(s[i + 1]) || !Uri.IsHexDigit(s[i + 2]))
        {
            throw new FormatException("malformed");
        }

        return Convert.ToByte(s.Substring(i + 1, 2), 16);
    }
}
