using System.Text;

namespace LocalCloud.DynamoDb.Model;

/// <summary>
/// Item size as DynamoDB counts it for the 400 KB limit and for capacity units
/// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html):
/// attribute name bytes plus value bytes; numbers ~1 byte per two significant digits plus 1;
/// lists and maps 3 bytes of overhead plus 1 byte per element; BOOL and NULL 1 byte.
/// </summary>
internal static class ItemSize
{
    public const int MaxItemBytes = 400 * 1024;

    public static int Of(IReadOnlyDictionary<string, AttributeValue> item)
        => item.Sum(kv => Encoding.UTF8.GetByteCount(kv.Key) + Of(kv.Value));

    public static int Of(AttributeValue value) => value.Type switch
    {
        AttributeType.S => Encoding.UTF8.GetByteCount(value.S),
        AttributeType.N => NumberSize(value.N),
        AttributeType.B => value.B.Length,
        AttributeType.BOOL or AttributeType.NULL => 1,
        AttributeType.M => 3 + value.M.Sum(kv => Encoding.UTF8.GetByteCount(kv.Key) + Of(kv.Value) + 1),
        AttributeType.L => 3 + value.L.Sum(v => Of(v) + 1),
        AttributeType.SS => value.SS.Sum(Encoding.UTF8.GetByteCount),
        AttributeType.NS => value.NS.Sum(NumberSize),
        AttributeType.BS => value.BS.Sum(b => b.Length),
        _ => 0,
    };

    private static int NumberSize(DynamoNumber n) => (n.SignificantDigits + 1) / 2 + 1;
}
