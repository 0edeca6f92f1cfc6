namespace LocalCloud.Lambda.Functions;

/// <summary>
/// State and LastUpdateStatus values and the reasons Lambda gives with them
/// (https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html).
/// </summary>
internal static class FunctionStates
{
    public const string Pending = "Pending";
    public const string Active = "Active";
    public const string Failed = "Failed";

    public const string InProgress = "InProgress";
    public const string Successful = "Successful";

    public const string CreatingReason = "The function is being created.";
    public const string CreatingReasonCode = "Creating";
    public const string InvalidZipReasonCode = "InvalidZipFileException";
    public const string InternalErrorReasonCode = "InternalError";
}
