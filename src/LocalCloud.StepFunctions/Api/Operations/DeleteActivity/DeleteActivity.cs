using LocalCloud.Core;
using LocalCloud.StepFunctions.Persistence;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// Removes the activity and its tags; deleting one that does not exist succeeds, as on AWS (LocalStack's recorded AWS
/// responses delete the same activity twice). Workers waiting in GetActivityTask get no task; tasks already scheduled on it
/// can no longer be taken and wait out their TimeoutSeconds (what AWS does with them is not documented).
/// </summary>
public sealed class DeleteActivity(StepFunctionsBackend backend)
{
    public Task<DeleteActivityResponse> HandleAsync(DeleteActivityRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var arn = ActivityArns.Require(request.ActivityArn);
        lock (backend.MachineGate)
        {
            if (backend.Engine.Activities.Remove(arn))
            {
                backend.Tags.Remove(arn);
                new ActivityJournal(backend.Durable).Deleted(arn);
            }
        }
        return Task.FromResult(new DeleteActivityResponse());
    }
}
