using LocalCloud.Core;
using LocalCloud.StepFunctions.Api;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>Removes the machine at once (AWS passes through DELETING); its executions run on and stay describable.</summary>
public sealed class DeleteStateMachine(StepFunctionsBackend backend)
{
    public Task<DeleteStateMachineResponse> HandleAsync(DeleteStateMachineRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var arn = SfnArn.RequireStateMachine(request.StateMachineArn);
        lock (backend.MachineGate)
        {
            if (backend.Machines.Remove(arn))
            {
                backend.Tags.Remove(arn);
                backend.Journal.Deleted(arn);
                // AWS deletes the machine's versions and aliases with it (https://docs.aws.amazon.com/step-functions/latest/dg/auth-version-alias.html).
                var (versions, aliases) = backend.PublishedVersions.RemoveMachine(arn);
                backend.VersionJournal.MachineDeleted(arn, versions, aliases);
            }
        }
        return Task.FromResult(new DeleteStateMachineResponse());
    }
}
