using LocalCloud.Core;
using LocalCloud.StepFunctions.Machines;
using LocalCloud.StepFunctions.Machines.Versions;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// Publishes the machine's current revision as the next version number. Idempotent per revision: a revision already
/// published returns that version. A revisionId that is not the current one is ConflictException; "INITIAL" names the
/// revision a machine has before its first update
/// (https://docs.aws.amazon.com/step-functions/latest/apireference/API_PublishStateMachineVersion.html).
/// </summary>
public sealed class PublishStateMachineVersion(StepFunctionsBackend backend)
{
    /// <summary>Quota "versions per state machine" (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html).</summary>
    public const int MaxVersionsPerMachine = 1000;

    /// <summary>Model shape VersionDescription: up to 256 characters.</summary>
    public const int MaxDescriptionLength = 256;

    public Task<PublishStateMachineVersionResponse> HandleAsync(PublishStateMachineVersionRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var arn = QualifiedArn.Require(request.StateMachineArn);
        Validate.MaxLength(request.Description, "description", MaxDescriptionLength);
        lock (backend.MachineGate)
        {
            // A version or alias ARN names no machine to publish from: AWS answers StateMachineDoesNotExist for it.
            var machine = arn.Qualifier is null ? backend.RequireMachine(arn.MachineArn) : throw StepFunctionsErrors.StateMachineDoesNotExist(arn.Arn);
            if (request.RevisionId is { } expected && !IsCurrent(machine, expected))
            {
                // AWS's text, from LocalStack's recorded snapshot (test_sfn_api_versioning, test_publish_state_machine_version).
                throw StepFunctionsErrors.Conflict(
                    $"Failed to publish the State Machine version for revision {expected}. The current State Machine revision is {machine.RevisionId}.");
            }
            var version = Publish(backend, machine, request.Description);
            return Task.FromResult(new PublishStateMachineVersionResponse(version.CreationDate, version.Arn));
        }
    }

    /// <summary>
    /// The version of the machine's current revision, published now unless it already was. The caller holds the
    /// machine gate; CreateStateMachine and UpdateStateMachine call this for "publish": true.
    /// </summary>
    public static PublishedVersion Publish(StepFunctionsBackend backend, StateMachineRecord machine, string? description)
    {
        var catalog = backend.PublishedVersions;
        if (catalog.ForRevision(machine.Arn, machine.RevisionId) is { } existing)
        {
            return existing;
        }
        if (catalog.Versions(machine.Arn).Count >= MaxVersionsPerMachine)
        {
            throw StepFunctionsErrors.ServiceQuotaExceeded(
                $"Maximum number of versions ({MaxVersionsPerMachine}) reached for state machine '{machine.Arn}'. Delete unused versions with DeleteStateMachineVersion.");
        }
        var version = new PublishedVersion(machine.Arn, catalog.LastNumber(machine.Arn) + 1, machine.Definition, machine.Parsed, machine.RoleArn, machine.Type,
            machine.RevisionId, description, backend.Engine.Time.GetUtcNow(), machine.UpdateDate ?? machine.CreationDate);
        catalog.AddVersion(version);
        backend.VersionJournal.Published(version);
        return version;
    }

    /// <summary>Its revision id, or "INITIAL" before the first update (LocalCloud gives a machine a revision id at creation already; AWS gives none).</summary>
    private static bool IsCurrent(StateMachineRecord machine, string revisionId)
        => revisionId == machine.RevisionId || (revisionId == "INITIAL" && machine.UpdateDate is null);
}
