namespace Aws.Clients;

/// <summary>An error returned by an AWS (or AWS-compatible) service, with the wire error code.</summary>
public sealed class AwsApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AwsApiException(string errorCode, string message, int statusCode, string? requestId = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>Creates an exception with an unknown code (for serializers and tooling).</summary>
    public AwsApiException() : this("UnknownError", "Unknown AWS error.", 0)
    {
    }

    /// <summary>Creates an exception with an unknown code and the given message.</summary>
    public AwsApiException(string message) : this("UnknownError", message, 0)
    {
    }

    /// <summary>Creates an exception with an unknown code, the given message and cause.</summary>
    public AwsApiException(string message, Exception innerException) : this("UnknownError", message, 0, null, innerException)
    {
    }

    /// <summary>The AWS error code without namespace, e.g. <c>ExecutionDoesNotExist</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP status code of the response (0 when no response was received).</summary>
    public int StatusCode { get; }

    /// <summary>The request id from the <c>x-amzn-RequestId</c> header, when the service sent one.</summary>
    public string? RequestId { get; }
}
