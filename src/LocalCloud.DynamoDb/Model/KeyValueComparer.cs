using System.Text;

namespace LocalCloud.DynamoDb.Model;

/// <summary>
/// Orders key values as DynamoDB sorts a range key: numbers numerically, strings by their UTF-8
/// bytes, binary bytewise (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html,
/// ScanIndexForward). Values of different types order by type so one comparer serves every key.
/// </summary>
internal sealed class KeyValueComparer : IComparer<AttributeValue>
{
    public static readonly KeyValueComparer Instance = new();

    public int Compare(AttributeValue? x, AttributeValue? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null)
        {
            return -1;
        }
        if (y is null)
        {
            return 1;
        }
        if (x.Type != y.Type)
        {
            return x.Type.CompareTo(y.Type);
        }
        return x.Type switch
        {
            AttributeType.N => x.N.CompareTo(y.N),
            AttributeType.S => CompareUtf8(x.S, y.S),
            AttributeType.B => x.B.AsSpan().SequenceCompareTo(y.B),
            _ => 0,
        };
    }

    /// <summary>Comparison used by expressions (&lt;, BETWEEN, ...): defined only for S, N and B of equal type.</summary>
    public static int? CompareScalars(AttributeValue a, AttributeValue b)
        => a.Type == b.Type && a.Type is AttributeType.S or AttributeType.N or AttributeType.B ? Instance.Compare(a, b) : null;

    private static int CompareUtf8(string a, string b)
    {
        // Every key lookup and insert compares O(log n) keys, so encoding both strings each time was most of a
        // PutItem's allocation. Up to the first differing UTF-16 unit the encodings agree; when neither that unit nor
        // the one before it is a surrogate, UTF-8 order is code point order, which for BMP units is their numeric order.
        var common = a.AsSpan().CommonPrefixLength(b);
        if (common == a.Length && common == b.Length)
        {
            return 0;
        }
        if (common == 0 || !char.IsSurrogate(a[common - 1]))
        {
            if (common == a.Length)
            {
                return -1;
            }
            if (common == b.Length)
            {
                return 1;
            }
            if (!char.IsSurrogate(a[common]) && !char.IsSurrogate(b[common]))
            {
                return a[common].CompareTo(b[common]);
            }
        }
        // Surrogates (paired, or lone ones that UTF-8 encodes as U+FFFD): compare the encodings themselves.
        return Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));
    }
}
