namespace LocalCloud.StepFunctions.Api.Shapes;

/// <summary>The model's EncryptionConfiguration: type AWS_OWNED_KEY or CUSTOMER_MANAGED_KMS_KEY, with the key for the latter.</summary>
public sealed record EncryptionConfiguration(string? Type, string? KmsKeyId = null, int? KmsDataKeyReusePeriodSeconds = null);
