namespace LocalCloud.StepFunctions.Activities;

/// <summary>
/// An activity (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-activities.html): a name workers poll with
/// GetActivityTask. <see cref="Encryption"/> is kept only to be described again: LocalCloud hosts no KMS and stores
/// task inputs as they are.
/// </summary>
public sealed record ActivityRecord(string Arn, string Name, DateTimeOffset CreationDate, ActivityEncryption? Encryption);

/// <summary>The encryptionConfiguration CreateActivity was given (type AWS_OWNED_KEY or CUSTOMER_MANAGED_KMS_KEY).</summary>
public sealed record ActivityEncryption(string Type, string? KmsKeyId, int? KmsDataKeyReusePeriodSeconds);
