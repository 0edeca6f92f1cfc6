using LocalCloud.Core;
using LocalCloud.DynamoDb.Api.Operations;
using LocalCloud.DynamoDb.Model;
using LocalCloud.DynamoDb.Persistence;

namespace LocalCloud.DynamoDb;

/// <summary>
/// Every message DynamoDB sends that LocalCloud reproduces, in one place. Texts are AWS's own as
/// observed from the service (its error responses), since clients and tests match on them.
/// </summary>
internal static class DynamoDbErrors
{
    public const string Invalid = "One or more parameter values were invalid: ";
    public const string ResourceNotFound = "Requested resource not found";
    public const string ConditionalCheckFailed = "The conditional request failed";
    public const string KeyMismatch = "The provided key element does not match the schema";
    public const string ItemTooLarge = "Item size has exceeded the maximum allowed size";
    public const string NumberNotConvertible = "A value provided cannot be converted into a number";
    public const string NumberTooPrecise = "Attempting to store more than 38 significant digits in a Number";
    public const string NumberOverflow = "Number overflow. Attempting to store a number with magnitude larger than supported range";
    public const string NumberUnderflow = "Number underflow. Attempting to store a number with magnitude smaller than supported range";
    public const string AttributeValueEmpty = "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
    public const string AttributeValueMoreThanOneType = "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes";
    public const string NullMustBeTrue = Invalid + "Null attribute value types must have the value of true";
    public const string ConsistentReadOnGsi = "Consistent reads are not supported on global secondary indexes";
    public const string ReturnValuesInvalid = "Return values set to invalid value";
    public const string UpdatedItemTooLarge = "Item size to update has exceeded the maximum allowed size";
    public const string DuplicateKeys = "Provided list of item keys contains duplicates";
    public const string TransactionDuplicateItem = "Transaction request cannot include multiple operations on one item";
    public const string IdempotentMismatch = "DynamoDB rejected the request because you retried a request with a different payload but with an idempotent token that was already used.";
    public const string TransactionInProgress = "The transaction with the given request token is already in progress.";
    public const string InvalidStartKey = "The provided starting key is invalid: The provided key element does not match the schema";

    public static string TooManyItems(string operation) => $"Too many items requested for the {operation} call";

    public static string MemberLength(string member, string value, int limit, bool atMost)
        => $"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must have length {(atMost ? "less" : "greater")} than or equal to {limit}";

    public static string MemberNull(string member) => $"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null";

    /// <summary>AWS lists each action's code in order, e.g. "[ConditionalCheckFailed, None]".</summary>
    public static string TransactionCancelled(IEnumerable<string> codes)
        => $"Transaction cancelled, please refer cancellation reasons for specific reasons [{string.Join(", ", codes)}]";

    public static string TableNotFound(string table) => $"{ResourceNotFound}: Table: {table} not found";

    public static string TableExists(string table) => $"Table already exists: {table}";

    public static string MissingKey(string name) => $"{Invalid}Missing the key {name} in the item";

    public static string KeyTypeMismatch(string name, AttributeType expected, AttributeType actual)
        => $"{Invalid}Type mismatch for key {name} expected: {expected} actual: {actual}";

    public static string EmptyKeyString(string name)
        => $"One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: {name}";

    public static string IndexKeyTypeMismatch(string index, string name, AttributeType expected, AttributeType actual)
        => $"{Invalid}Type mismatch for Index Key {name} Expected: {expected} Actual: {actual} IndexName: {index}";

    public static string EmptyIndexKeyString(string index, string name)
        => $"One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName: {index}, IndexKey: {name}";

    public static string EmptySet(string typeWord) => $"{Invalid}An {typeWord} set  may not be empty";

    public static string SetDuplicates(IEnumerable<AttributeValue> items)
        => $"{Invalid}Input collection [{string.Join(", ", items.Select(Raw))}] contains duplicates.";

    public static string CannotUpdateKey(string name) => $"{Invalid}Cannot update attribute {name}. This attribute is part of the key";

    public static string IndexNotFound(string index, string table) => $"The table does not have the specified index: {index}";

    public static string Raw(AttributeValue v) => v.Type switch
    {
        AttributeType.S => v.S,
        AttributeType.N => v.N.ToString(),
        AttributeType.B => Convert.ToBase64String(v.B),
        _ => v.ToString(),
    };

    public static AwsServiceException NotFound(string? message = null) => new("ResourceNotFoundException", message ?? ResourceNotFound);

    public static AwsServiceException InUse(string message) => new("ResourceInUseException", message);

    /// <param name="extra">Members beside the message, such as the old item under ReturnValuesOnConditionCheckFailure.</param>
    public static AwsServiceException ConditionalCheckFailedException(IReadOnlyDictionary<string, object?>? extra = null)
        => new("ConditionalCheckFailedException", ConditionalCheckFailed) { ExtraMembers = extra };

    public static AwsServiceException IdempotentParameterMismatch() => new("IdempotentParameterMismatchException", IdempotentMismatch);

    public static AwsServiceException TransactionInProgressException() => new("TransactionInProgressException", TransactionInProgress);

    /// <param name="reasons">CancellationReasons, one per action, as the wire carries them.</param>
    public static AwsServiceException TransactionCanceled(IReadOnlyList<string> codes, object reasons)
        => new("TransactionCanceledException", TransactionCancelled(codes)) { ExtraMembers = new Dictionary<string, object?> { ["CancellationReasons"] = reasons } };

    public static AwsServiceException LimitExceeded(string message) => new("LimitExceededException", message);

    public static AwsServiceException InternalServerError() => new("InternalServerError", "Internal server error", 500);
}
