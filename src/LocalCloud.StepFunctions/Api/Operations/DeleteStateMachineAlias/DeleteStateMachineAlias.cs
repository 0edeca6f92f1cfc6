using LocalCloud.Core;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// Deletes an alias; one that does not exist is no error (LocalStack's snapshot test_delete_no_such_alias_arn records 200).
/// Executions started through it keep their alias and version ARNs.
/// </summary>
public sealed class DeleteStateMachineAlias(StepFunctionsBackend backend)
{
    public Task<DeleteStateMachineAliasResponse> HandleAsync(DeleteStateMachineAliasRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        Validate.MaxLength(request.StateMachineAliasArn, "stateMachineAliasArn", Engine.StepFunctionsLimits.MaxArnLength);
        var arn = QualifiedArn.RequireAlias(request.StateMachineAliasArn, "stateMachineAliasArn");
        lock (backend.MachineGate)
        {
            if (backend.PublishedVersions.RemoveAlias(arn.Arn))
            {
                backend.VersionJournal.AliasDeleted(arn.Arn);
            }
        }
        return Task.FromResult(new DeleteStateMachineAliasResponse());
    }
}
