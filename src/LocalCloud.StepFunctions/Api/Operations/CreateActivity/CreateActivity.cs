using LocalCloud.Core;
using LocalCloud.StepFunctions.Activities;
using LocalCloud.StepFunctions.Api.Shapes;
using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Persistence;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// Idempotent on the name: a second create answers the first one's ARN and date and ignores its tags, as AWS documents
/// (https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateActivity.html); only another
/// encryptionConfiguration is refused (ActivityAlreadyExists: an activity's configuration cannot change).
/// </summary>
public sealed class CreateActivity(StepFunctionsBackend backend)
{
    private const int MinKeyReuseSeconds = 60;
    private const int MaxKeyReuseSeconds = 900;
    private const int MaxKmsKeyIdLength = 2048;

    public Task<CreateActivityResponse> HandleAsync(CreateActivityRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var name = Validate.Name(request.Name, "name");
        var encryption = Encryption(request.EncryptionConfiguration);
        var arn = ActivityRegistry.Arn(context.Region, context.AccountId, name);
        var tags = request.Tags is { Count: > 0 } requested ? TagResource.Parse(requested, arn) : [];
        var record = new ActivityRecord(arn, name, backend.Engine.Time.GetUtcNow(), encryption);
        lock (backend.MachineGate)
        {
            var stored = backend.Engine.Activities.GetOrAdd(record);
            if (!ReferenceEquals(stored, record))
            {
                return stored.Encryption == encryption
                    ? Task.FromResult(new CreateActivityResponse(stored.Arn, stored.CreationDate))
                    : throw StepFunctionsErrors.ActivityAlreadyExists(arn);
            }
            if (tags.Count > 0)
            {
                backend.Tags.TrySet(arn, tags, StepFunctionsLimits.MaxTagsPerResource);
            }
            new ActivityJournal(backend.Durable).Created(record, tags);
        }
        return Task.FromResult(new CreateActivityResponse(record.Arn, record.CreationDate));
    }

    /// <summary>The model's constraints, then the combinations AWS documents: a customer managed key needs its kmsKeyId.</summary>
    private static ActivityEncryption? Encryption(EncryptionConfiguration? configuration)
    {
        if (configuration is null)
        {
            return null;
        }
        var type = Validate.Required(configuration.Type, "encryptionConfiguration.type");
        if (type is not ("AWS_OWNED_KEY" or "CUSTOMER_MANAGED_KMS_KEY"))
        {
            throw StepFunctionsErrors.Validation($"'{type}'", "encryptionConfiguration.type", "Member must satisfy enum value set: [AWS_OWNED_KEY, CUSTOMER_MANAGED_KMS_KEY]");
        }
        if (configuration.KmsKeyId is { Length: 0 })
        {
            throw StepFunctionsErrors.Validation("''", "encryptionConfiguration.kmsKeyId", $"Member must have length greater than or equal to 1");
        }
        Validate.MaxLength(configuration.KmsKeyId, "encryptionConfiguration.kmsKeyId", MaxKmsKeyIdLength);
        if (configuration.KmsDataKeyReusePeriodSeconds is { } reuse and (< MinKeyReuseSeconds or > MaxKeyReuseSeconds))
        {
            throw StepFunctionsErrors.Validation(reuse.ToString(System.Globalization.CultureInfo.InvariantCulture), "encryptionConfiguration.kmsDataKeyReusePeriodSeconds",
                $"Member must have value less than or equal to {MaxKeyReuseSeconds} and greater than or equal to {MinKeyReuseSeconds}");
        }
        if (type == "CUSTOMER_MANAGED_KMS_KEY" && configuration.KmsKeyId is null)
        {
            throw StepFunctionsErrors.InvalidEncryptionConfiguration("kmsKeyId is required when type is CUSTOMER_MANAGED_KMS_KEY");
        }
        if (type == "AWS_OWNED_KEY" && (configuration.KmsKeyId is not null || configuration.KmsDataKeyReusePeriodSeconds is not null))
        {
            throw StepFunctionsErrors.InvalidEncryptionConfiguration("kmsKeyId and kmsDataKeyReusePeriodSeconds apply only to CUSTOMER_MANAGED_KMS_KEY");
        }
        return new ActivityEncryption(type, configuration.KmsKeyId, configuration.KmsDataKeyReusePeriodSeconds);
    }
}
