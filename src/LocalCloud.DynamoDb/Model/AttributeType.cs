namespace LocalCloud.DynamoDb.Model;

/// <summary>The ten DynamoDB data types, named as on the wire.</summary>
internal enum AttributeType
{
    S,
    N,
    B,
    BOOL,
    NULL,
    M,
    L,
    SS,
    NS,
    BS,
}
