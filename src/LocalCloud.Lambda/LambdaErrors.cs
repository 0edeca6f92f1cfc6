using LocalCloud.Core;
using LocalCloud.Lambda.Api.Operations;

namespace LocalCloud.Lambda;

/// <summary>
/// Every error the Lambda API answers, with Lambda's code, status and wording. Lambda's error bodies carry
/// "Type": "User" for caller faults (https://docs.aws.amazon.com/lambda/latest/api/CommonErrors.html).
/// </summary>
internal static class LambdaErrors
{
    public static AwsServiceException FunctionNotFound(string functionArn)
        => User("ResourceNotFoundException", $"Function not found: {functionArn}", 404);

    public static AwsServiceException FunctionExists(string functionName)
        => User("ResourceConflictException", $"Function already exist: {functionName}", 409);

    public static AwsServiceException Conflict(string functionArn)
        => User("ResourceConflictException", $"The operation cannot be performed at this time. An update is in progress for resource: {functionArn}", 409);

    /// <summary>Invoke or an update while the function is Pending or Failed (https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html).</summary>
    public static AwsServiceException NotActive(string state)
        => User("ResourceConflictException", $"The operation cannot be performed at this time. The function is currently in the following state: {state}", 409);

    /// <summary>A synchronous invocation beyond the function's reserved concurrency.</summary>
    public static AwsServiceException ReservedConcurrencyExceeded() => new("TooManyRequestsException", "Rate Exceeded.", 429)
    {
        ErrorType = "User",
        ExtraMembers = new Dictionary<string, object?> { ["Reason"] = "ReservedFunctionConcurrentInvocationLimitExceeded" },
    };

    public static AwsServiceException InvalidParameter(string message)
        => User("InvalidParameterValueException", message, 400);

    /// <summary>Smithy constraint failures (length, range, pattern) use ValidationException's wording.</summary>
    public static AwsServiceException Validation(string member, string value, string constraint)
        => User("ValidationException", $"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: {constraint}", 400);

    public static AwsServiceException BadRequestBody(string detail)
        => User("InvalidRequestContentException", $"Could not parse request body into json: {detail}", 400);

    public static AwsServiceException PayloadNotJson(string detail)
        => User("InvalidRequestContentException", $"Could not parse request body into json: Could not parse payload into json: {detail}", 400);

    public static AwsServiceException PayloadTooLarge(int limit)
        => User("RequestTooLargeException", $"Request must be smaller than {limit} bytes for the InvokeFunction operation", 413);

    public static AwsServiceException RevisionMismatch()
        => new("PreconditionFailedException", "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id", 412) { ErrorType = "User" };

    public static AwsServiceException InvalidZip()
        => InvalidParameter("Could not unzip uploaded file. Please check your file, then try to upload again.");

    public static AwsServiceException NotImplemented(string operation)
        => new("UnknownOperationException", $"Operation {operation} is not implemented by LocalCloud's Lambda service yet; see docs/services/lambda.md for the operations it serves.", 400)
        {
            ErrorType = "User",
        };

    public static AwsServiceException AliasNotFound(string aliasArn)
        => User("ResourceNotFoundException", $"Cannot find alias arn: {aliasArn}", 404);

    public static AwsServiceException AliasExists(string aliasArn)
        => User("ResourceConflictException", $"Alias already exists: {aliasArn}", 409);

    /// <summary>PublishVersion's CodeSha256 precondition (wording as recorded against AWS in LocalStack's Lambda provider).</summary>
    public static AwsServiceException CodeShaMismatch(string requested, string current)
        => InvalidParameter($"CodeSHA256 ({requested}) is different from current CodeSHA256 in $LATEST ({current}). Please try again with the CodeSHA256 in $LATEST.");

    public static AwsServiceException VersionReferenced(IReadOnlyList<string> aliases)
        => User("ResourceConflictException", $"Unable to delete version because the following aliases reference it: [{string.Join(", ", aliases)}]", 409);

    public static AwsServiceException LatestNotDeletable()
        => InvalidParameter("$LATEST version cannot be deleted without deleting the function.");

    public static AwsServiceException AliasNotDeletableHere()
        => InvalidParameter("Deletion of aliases is not currently supported.");

    private static AwsServiceException User(string code, string message, int status) => new(code, message, status) { ErrorType = "User" };
}
