namespace LocalCloud.Core;

/// <summary>
/// An error AWS would return: the code is the wire error code (e.g. "ResourceNotFoundException"),
/// the status the HTTP status AWS uses for it. Services throw it; the protocol layer serialises it.
/// </summary>
public class AwsServiceException(string errorCode, string message, int statusCode = 400) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;
    public int StatusCode { get; } = statusCode;

    /// <summary>"User"/"Service" for restJson services that send a Type field (Lambda); null elsewhere.</summary>
    public string? ErrorType { get; init; }

    /// <summary>Extra members AWS puts in some error bodies (e.g. CancellationReasons, Item).</summary>
    public IReadOnlyDictionary<string, object?>? ExtraMembers { get; init; }

    public static AwsServiceException Validation(string message) => new("ValidationException", message);
}
