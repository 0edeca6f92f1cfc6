using System.Text.Json.Serialization;

namespace LocalCloud.DynamoDb.Model;

/// <summary>
/// One DynamoDB value. Immutable: stored items are shared between readers without copying, and an
/// update builds new values along the path it changes.
/// </summary>
[JsonConverter(typeof(AttributeValueConverter))]
internal sealed class AttributeValue : IEquatable<AttributeValue>
{
    public static readonly AttributeValue Null = new(AttributeType.NULL, true);
    public static readonly AttributeValue True = new(AttributeType.BOOL, true);
    public static readonly AttributeValue False = new(AttributeType.BOOL, false);

    private readonly object _value;

    private AttributeValue(AttributeType type, object value)
    {
        Type = type;
        _value = value;
    }

    public AttributeType Type { get; }

    public string S => (string)_value;

    public DynamoNumber N => (DynamoNumber)_value;

    public byte[] B => (byte[])_value;

    public bool Bool => (bool)_value;

    public IReadOnlyDictionary<string, AttributeValue> M => (IReadOnlyDictionary<string, AttributeValue>)_value;

    public IReadOnlyList<AttributeValue> L => (IReadOnlyList<AttributeValue>)_value;

    public IReadOnlyList<string> SS => (IReadOnlyList<string>)_value;

    public IReadOnlyList<DynamoNumber> NS => (IReadOnlyList<DynamoNumber>)_value;

    public IReadOnlyList<byte[]> BS => (IReadOnlyList<byte[]>)_value;

    public bool IsSet => Type is AttributeType.SS or AttributeType.NS or AttributeType.BS;

    /// <summary>Elements of a set as single values (S/N/B), so set algebra can be written once.</summary>
    public IEnumerable<AttributeValue> SetElements => Type switch
    {
        AttributeType.SS => SS.Select(FromS),
        AttributeType.NS => NS.Select(FromN),
        AttributeType.BS => BS.Select(FromB),
        _ => [],
    };

    public static AttributeValue FromS(string s) => new(AttributeType.S, s);

    public static AttributeValue FromN(DynamoNumber n) => new(AttributeType.N, n);

    public static AttributeValue FromB(byte[] b) => new(AttributeType.B, b);

    public static AttributeValue FromBool(bool b) => b ? True : False;

    public static AttributeValue FromM(IReadOnlyDictionary<string, AttributeValue> m) => new(AttributeType.M, m);

    public static AttributeValue FromL(IReadOnlyList<AttributeValue> l) => new(AttributeType.L, l);

    public static AttributeValue FromSS(IReadOnlyList<string> ss) => new(AttributeType.SS, ss);

    public static AttributeValue FromNS(IReadOnlyList<DynamoNumber> ns) => new(AttributeType.NS, ns);

    public static AttributeValue FromBS(IReadOnlyList<byte[]> bs) => new(AttributeType.BS, bs);

    /// <summary>Builds a set of the type matching its scalar elements (S→SS, N→NS, B→BS).</summary>
    public static AttributeValue SetOf(AttributeType setType, IEnumerable<AttributeValue> elements) => setType switch
    {
        AttributeType.SS => FromSS(elements.Select(e => e.S).ToList()),
        AttributeType.NS => FromNS(elements.Select(e => e.N).ToList()),
        _ => FromBS(elements.Select(e => e.B).ToList()),
    };

    public bool Equals(AttributeValue? other)
    {
        if (other is null || other.Type != Type)
        {
            return false;
        }
        return Type switch
        {
            AttributeType.S => S == other.S,
            AttributeType.N => N == other.N,
            AttributeType.B => B.AsSpan().SequenceEqual(other.B),
            AttributeType.BOOL => Bool == other.Bool,
            AttributeType.NULL => true,
            AttributeType.M => M.Count == other.M.Count && M.All(kv => other.M.TryGetValue(kv.Key, out var v) && kv.Value.Equals(v)),
            AttributeType.L => L.Count == other.L.Count && L.Zip(other.L).All(p => p.First.Equals(p.Second)),
            _ => SetElements.Count() == other.SetElements.Count() && SetElements.All(e => other.SetElements.Contains(e)),
        };
    }

    public override bool Equals(object? obj) => Equals(obj as AttributeValue);

    public override int GetHashCode() => Type switch
    {
        AttributeType.S => HashCode.Combine(Type, S),
        AttributeType.N => HashCode.Combine(Type, N),
        AttributeType.B => HashCode.Combine(Type, Convert.ToBase64String(B)),
        AttributeType.BOOL => HashCode.Combine(Type, Bool),
        _ => Type.GetHashCode(),
    };

    /// <summary>The form AWS prints in messages, e.g. "{N:5}" or "{S:abc}".</summary>
    public override string ToString() => Type switch
    {
        AttributeType.S => $"{{S:{S}}}",
        AttributeType.N => $"{{N:{N}}}",
        AttributeType.B => $"{{B:{Convert.ToBase64String(B)}}}",
        AttributeType.BOOL => $"{{BOOL:{(Bool ? "true" : "false")}}}",
        AttributeType.NULL => "{NULL:true}",
        _ => $"{{{Type}:...}}",
    };
}
