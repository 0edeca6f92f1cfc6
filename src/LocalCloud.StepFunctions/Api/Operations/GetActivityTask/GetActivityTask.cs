using LocalCloud.Core;
using LocalCloud.StepFunctions.Engine;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// The worker's long poll (https://docs.aws.amazon.com/step-functions/latest/apireference/API_GetActivityTask.html): the
/// oldest task scheduled on the activity at once, else the first one scheduled within 60 seconds, else an answer without
/// taskToken and input (AWS: "a taskToken with a null string"). The task is the worker's once ActivityStarted, with its
/// workerName, is written. Unknown activity: ActivityDoesNotExist.
/// </summary>
public sealed class GetActivityTask(StepFunctionsBackend backend)
{
    public async Task<GetActivityTaskResponse> HandleAsync(GetActivityTaskRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var arn = ActivityArns.Require(request.ActivityArn);
        Validate.MaxLength(request.WorkerName, "workerName", StepFunctionsLimits.MaxNameLength);
        var dispatcher = backend.Engine.Activities.Dispatcher(arn) ?? throw StepFunctionsErrors.ActivityDoesNotExist(arn);
        var task = await dispatcher.TakeAsync(request.WorkerName, backend.Engine.Time, cancellationToken).ConfigureAwait(false);
        return task is not null && await task.Started.ConfigureAwait(false)
            ? new GetActivityTaskResponse(task.Token, task.Input)
            : new GetActivityTaskResponse();
    }
}
