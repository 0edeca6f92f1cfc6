using LocalCloud.Core;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// Deletes a version; one that does not exist is no error (AWS answers 200, LocalStack's snapshot test_list_delete_version).
/// A version an alias routes to is ConflictException; executions running on it run on. Its number is not given again.
/// </summary>
public sealed class DeleteStateMachineVersion(StepFunctionsBackend backend)
{
    /// <summary>Model shape LongArn: up to 2000 characters.</summary>
    private const int MaxLongArnLength = 2000;

    public Task<DeleteStateMachineVersionResponse> HandleAsync(DeleteStateMachineVersionRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        Validate.MaxLength(request.StateMachineVersionArn, "stateMachineVersionArn", MaxLongArnLength);
        var arn = QualifiedArn.RequireVersion(request.StateMachineVersionArn, "stateMachineVersionArn");
        lock (backend.MachineGate)
        {
            var routing = backend.PublishedVersions.AliasesRoutingTo(arn.Arn);
            if (routing.Count > 0)
            {
                // AWS's text (LocalStack's snapshot test_delete_version_with_alias).
                throw StepFunctionsErrors.Conflict("Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: ["
                    + string.Join(", ", routing.Select(a => a.Name)) + "]");
            }
            if (backend.PublishedVersions.RemoveVersion(arn.Arn))
            {
                backend.VersionJournal.VersionDeleted(arn.Arn);
            }
        }
        return Task.FromResult(new DeleteStateMachineVersionResponse());
    }
}
