using System.Text.Json;
using System.Text.Json.Serialization;
using LocalCloud.Core;

namespace LocalCloud.DynamoDb.Model;

/// <summary>
/// The wire form {"S": "x"}, {"N": "1"}, {"M": {...}} ... Malformed values become AWS's
/// ValidationException (not a serialisation error), as DynamoDB answers them.
/// </summary>
internal sealed class AttributeValueConverter : JsonConverter<AttributeValue>
{
    public override AttributeValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("An AttributeValue must be a JSON object.");
        }
        AttributeValue? result = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }
            if (result is not null)
            {
                throw AwsServiceException.Validation(DynamoDbErrors.AttributeValueMoreThanOneType);
            }
            result = name switch
            {
                "S" => AttributeValue.FromS(ReadString(ref reader)),
                "N" => AttributeValue.FromN(DynamoNumber.Parse(ReadString(ref reader))),
                "B" => AttributeValue.FromB(ReadBinary(ref reader)),
                "BOOL" => AttributeValue.FromBool(reader.TokenType switch
                {
                    JsonTokenType.True => true,
                    JsonTokenType.False => false,
                    _ => throw new JsonException("BOOL must be true or false."),
                }),
                "NULL" => reader.TokenType == JsonTokenType.True
                    ? AttributeValue.Null
                    : throw AwsServiceException.Validation(DynamoDbErrors.NullMustBeTrue),
                "M" => AttributeValue.FromM(ReadMap(ref reader, options)),
                "L" => AttributeValue.FromL(ReadList(ref reader, options)),
                "SS" => ReadSet(ref reader, AttributeType.SS, "string", (ref Utf8JsonReader r) => AttributeValue.FromS(ReadString(ref r))),
                "NS" => ReadSet(ref reader, AttributeType.NS, "number", (ref Utf8JsonReader r) => AttributeValue.FromN(DynamoNumber.Parse(ReadString(ref r)))),
                "BS" => ReadSet(ref reader, AttributeType.BS, "binary", (ref Utf8JsonReader r) => AttributeValue.FromB(ReadBinary(ref r))),
                _ => SkipUnknown(ref reader),
            };
        }
        return result ?? throw AwsServiceException.Validation(DynamoDbErrors.AttributeValueEmpty);
    }

    public override void Write(Utf8JsonWriter writer, AttributeValue value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(value.Type.ToString());
        switch (value.Type)
        {
            case AttributeType.S:
                writer.WriteStringValue(value.S);
                break;
            case AttributeType.N:
                writer.WriteStringValue(value.N.ToString());
                break;
            case AttributeType.B:
                writer.WriteBase64StringValue(value.B);
                break;
            case AttributeType.BOOL:
                writer.WriteBooleanValue(value.Bool);
                break;
            case AttributeType.NULL:
                writer.WriteBooleanValue(true);
                break;
            case AttributeType.M:
                writer.WriteStartObject();
                foreach (var (k, v) in value.M)
                {
                    writer.WritePropertyName(k);
                    Write(writer, v, options);
                }
                writer.WriteEndObject();
                break;
            case AttributeType.L:
                writer.WriteStartArray();
                foreach (var v in value.L)
                {
                    Write(writer, v, options);
                }
                writer.WriteEndArray();
                break;
            case AttributeType.SS:
                writer.WriteStartArray();
                value.SS.ToList().ForEach(writer.WriteStringValue);
                writer.WriteEndArray();
                break;
            case AttributeType.NS:
                writer.WriteStartArray();
                value.NS.ToList().ForEach(n => writer.WriteStringValue(n.ToString()));
                writer.WriteEndArray();
                break;
            case AttributeType.BS:
                writer.WriteStartArray();
                value.BS.ToList().ForEach(b => writer.WriteBase64StringValue(b));
                writer.WriteEndArray();
                break;
        }
        writer.WriteEndObject();
    }

    private delegate AttributeValue ElementReader(ref Utf8JsonReader reader);

    private static string ReadString(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("Expected a string.");

    private static byte[] ReadBinary(ref Utf8JsonReader reader)
    {
        try
        {
            return Convert.FromBase64String(ReadString(ref reader));
        }
        catch (FormatException)
        {
            throw new JsonException("Binary values must be base64.");
        }
    }

    private Dictionary<string, AttributeValue> ReadMap(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("M must be an object.");
        }
        var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = Read(ref reader, typeof(AttributeValue), options);
        }
        return map;
    }

    private List<AttributeValue> ReadList(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("L must be an array.");
        }
        var list = new List<AttributeValue>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(Read(ref reader, typeof(AttributeValue), options));
        }
        return list;
    }

    private static AttributeValue ReadSet(ref Utf8JsonReader reader, AttributeType type, string typeWord, ElementReader element)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"{type} must be an array.");
        }
        var items = new List<AttributeValue>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(element(ref reader));
        }
        if (items.Count == 0)
        {
            throw AwsServiceException.Validation(DynamoDbErrors.EmptySet(typeWord));
        }
        if (items.Distinct().Count() != items.Count)
        {
            throw AwsServiceException.Validation(DynamoDbErrors.SetDuplicates(items));
        }
        return AttributeValue.SetOf(type, items);
    }

    private static AttributeValue SkipUnknown(ref Utf8JsonReader reader)
    {
        reader.Skip();
        throw new JsonException("Unknown AttributeValue type.");
    }
}
