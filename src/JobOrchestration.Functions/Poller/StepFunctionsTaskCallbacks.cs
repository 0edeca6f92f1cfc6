using Aws.Clients;
using Aws.Clients.StepFunctions;

namespace JobOrchestration.Functions.Poller;

/// <summary>The task callbacks over the Step Functions API.</summary>
public sealed class StepFunctionsTaskCallbacks(StepFunctionsClient client) : ITaskCallbacks
{
    public async Task<CallbackResult> SendSuccessAsync(string taskToken, string output, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = taskToken, Output = output }, cancellationToken);
            return CallbackResult.Delivered;
        }
        catch (AwsApiException ex) when (IsClosed(ex))
        {
            return CallbackResult.TaskClosed;
        }
    }

    public async Task<CallbackResult> SendFailureAsync(string taskToken, string errorName, string cause, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendTaskFailureAsync(new SendTaskFailureRequest { TaskToken = taskToken, Error = errorName, Cause = cause }, cancellationToken);
            return CallbackResult.Delivered;
        }
        catch (AwsApiException ex) when (IsClosed(ex))
        {
            return CallbackResult.TaskClosed;
        }
    }

    // TaskTimedOut: "the task token has either expired or the task associated with the token has already been closed";
    // TaskDoesNotExist: the task (or its execution) is gone. Either way no callback can ever land, so it is final.
    // https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskSuccess.html#API_SendTaskSuccess_Errors
    private static bool IsClosed(AwsApiException ex) => ex.ErrorCode is "TaskTimedOut" or "TaskDoesNotExist";
}
