using System.Text;
using LocalCloud.DynamoDb.Model;

namespace LocalCloud.DynamoDb.Tests;

public class KeyValueComparerTests
{
    // BMP letters, characters either side of the surrogate block, valid pairs, lone surrogates, U+FFFD (what UTF-8
    // encodes a lone surrogate as) and prefixes of each other.
    private static readonly string[] Strings =
    [
        "", "a", "ab", "abc", "b", "B", "é", "\u07FF", "\u0800", "\uD7FF", "\uE000", "\uFFFD", "\uFFFF",
        "a\uD83D\uDE00", "a\uD83D\uDE00b", "a\uD83D", "a\uD83Dx", "a\uDE00", "\uD800\uDC00", "\uDBFF\uDFFF", "a\uFFFD", "a\uFFFDz",
        "seed-1", "seed-10", "item-1", "job#2026", "job#2026-12",
    ];

    [Fact]
    public void Compare_Strings_OrdersAsTheirUtf8Bytes()
    {
        foreach (var a in Strings)
        {
            foreach (var b in Strings)
            {
                var expected = string.Equals(a, b, StringComparison.Ordinal) ? 0 : Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));
                var actual = KeyValueComparer.Instance.Compare(AttributeValue.FromS(a), AttributeValue.FromS(b));
                Assert.True(Math.Sign(expected) == Math.Sign(actual), $"\"{Escape(a)}\" vs \"{Escape(b)}\": expected {expected}, got {actual}");
            }
        }
    }

    private static string Escape(string s) => string.Concat(s.Select(c => c < 128 ? c.ToString() : $"\\u{(int)c:X4}"));
}
