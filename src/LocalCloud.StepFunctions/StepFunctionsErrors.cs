using LocalCloud.Core;
using LocalCloud.StepFunctions.Engine;

namespace LocalCloud.StepFunctions;

/// <summary>Every Step Functions error this service sends, with AWS's codes and message texts in one place.</summary>
public static class StepFunctionsErrors
{
    /// <summary>What AWS puts before '#' in __type; SDKs read only the part after it.</summary>
    public const string Namespace = "com.amazonaws.swf.service.model";

    public static AwsServiceException InvalidArn(string arn) => new("InvalidArn", $"Invalid Arn: 'Invalid ARN prefix: {arn}'");

    public static AwsServiceException InvalidName(string name) => new("InvalidName", $"Invalid Name: '{name}'");

    public static AwsServiceException InvalidDefinition(string message) => new("InvalidDefinition", message);

    public static AwsServiceException StateMachineDoesNotExist(string arn) => new("StateMachineDoesNotExist", $"State Machine Does Not Exist: '{arn}'");

    public static AwsServiceException StateMachineAlreadyExists(string arn) => new("StateMachineAlreadyExists", $"State Machine Already Exists: '{arn}'");

    public static AwsServiceException ExecutionDoesNotExist(string arn) => new("ExecutionDoesNotExist", $"Execution Does Not Exist: '{arn}'");

    public static AwsServiceException ExecutionAlreadyExists(string arn) => new("ExecutionAlreadyExists", $"Execution Already Exists: '{arn}'");

    public static AwsServiceException InvalidExecutionInput(string detail) => new("InvalidExecutionInput", $"Invalid State Machine Execution Input: '{detail}'");

    public static AwsServiceException InvalidOutput(string detail) => new("InvalidOutput", $"Invalid Output: '{detail}'");

    public static AwsServiceException InvalidToken(string detail) => new("InvalidToken", $"Invalid Token: '{detail}'");

    public static AwsServiceException TaskDoesNotExist() => new("TaskDoesNotExist", "Task Does Not Exist: 'Provided task does not exist'");

    /// <summary>The token's task has closed (answered, timed out, stopped) or was forgotten after its execution ended.</summary>
    public static AwsServiceException TaskTimedOut() => new("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");

    public static AwsServiceException TooManyTags(string arn, int max) => new("TooManyTags", $"Too many tags: a resource may have at most {max} tags: '{arn}'");

    public static AwsServiceException ResourceNotFound(string arn) => new("ResourceNotFound", $"Resource not found: '{arn}'");

    public static AwsServiceException MissingRequiredParameter(string detail) => new("MissingRequiredParameter", detail);

    /// <summary>AWS's constraint message, e.g. "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null".</summary>
    public static AwsServiceException Validation(string value, string member, string constraint)
        => AwsServiceException.Validation($"1 validation error detected: Value {value} at '{member}' failed to satisfy constraint: {constraint}");

    /// <summary>RedriveExecution on an execution it cannot restart; the message is the redriveStatusReason DescribeExecution shows.</summary>
    public static AwsServiceException ExecutionNotRedrivable(string arn, string reason) => new("ExecutionNotRedrivable", $"{reason}: '{arn}'");

    /// <summary>An operation for one workflow type called on the other (StartSyncExecution on STANDARD, ListExecutions on EXPRESS).</summary>
    public static AwsServiceException StateMachineTypeNotSupported(string operation, string type)
        => new("StateMachineTypeNotSupported", $"{operation} is not supported by {type} state machines");

    /// <summary>
    /// An ARN of the wrong resource type, e.g. an Express execution's where AWS does not serve Express ones; the text is
    /// AWS's ("Invalid Arn: 'Resource type not valid in this context: execution'" from a real StartExecution call).
    /// </summary>
    public static AwsServiceException ResourceTypeNotValid(string resourceType) => new("InvalidArn", $"Invalid Arn: 'Resource type not valid in this context: {resourceType}'");

    /// <summary>A ValidationException whose message is not one of the API model's constraints.</summary>
    public static AwsServiceException ValidationMessage(string message) => AwsServiceException.Validation(message);

    /// <summary>A version or alias change that clashes with the current state (a stale revisionId, a version an alias routes to, an alias redefined).</summary>
    public static AwsServiceException Conflict(string message) => new("ConflictException", message);

    /// <summary>More versions or aliases than AWS's quotas allow (1000 versions and 100 aliases per state machine).</summary>
    public static AwsServiceException ServiceQuotaExceeded(string message) => new("ServiceQuotaExceededException", message);

    /// <summary>An alias or a routed version that does not exist; the text is AWS's (UpdateStateMachineAlias in LocalStack's recorded snapshots).</summary>
    public static AwsServiceException ResourceDoesNotExist() => new("ResourceNotFound", "Request references a resource that does not exist.");

    /// <summary>
    /// StartExecution on stateMachineArn#TestCase with no such test case. Step Functions Local's own answer was not found
    /// documented; AWS answers InvalidArn for an ARN with '#' (not allowed in a name), so LocalCloud does too.
    /// </summary>
    public static AwsServiceException MockTestCaseDoesNotExist(string arn, string reason) => new("InvalidArn", $"Invalid Arn: '{reason}: {arn}'");
    /// <summary>The text LocalStack's recorded AWS responses show for DescribeActivity and GetActivityTask on a deleted activity.</summary>
    public static AwsServiceException ActivityDoesNotExist(string arn) => new("ActivityDoesNotExist", $"Activity Does Not Exist: '{arn}'");

    /// <summary>CreateActivity for an existing name with another encryptionConfiguration (AWS: activity configuration is immutable).</summary>
    public static AwsServiceException ActivityAlreadyExists(string arn) => new("ActivityAlreadyExists", $"Activity Already Exists: '{arn}'");

    public static AwsServiceException InvalidEncryptionConfiguration(string detail) => new("InvalidEncryptionConfiguration", $"Invalid Encryption Configuration: '{detail}'");
}
