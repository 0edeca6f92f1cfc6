using LocalCloud.Core;
using LocalCloud.StepFunctions.Api;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// Restarts a FAILED, ABORTED or TIMED_OUT Standard execution at the state its main path ended in, with the same ARN and
/// history (ExecutionRedriven, then that state entered again)
/// (https://docs.aws.amazon.com/step-functions/latest/apireference/API_RedriveExecution.html).
/// </summary>
public sealed class RedriveExecution(StepFunctionsBackend backend)
{
    public async Task<RedriveExecutionResponse> HandleAsync(RedriveExecutionRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var arn = SfnArn.RequireExecution(request.ExecutionArn);
        if (request.ClientToken is { } token && (token.Length is 0 or > 64 || token.Any(c => c is < '!' or > '~')))
        {
            throw StepFunctionsErrors.Validation($"'{token}'", "clientToken", "Member must satisfy regular expression pattern: [!-~]+ and have length between 1 and 64");
        }
        var execution = backend.RequireExecution(arn);
        if (execution.Result is not null)
        {
            // The ended run may still be unwinding (a stop cancels it); the redriven one must not meet it.
            await execution.Runner.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        var (date, resume, reason) = execution.Redrive(backend.Engine.Time.GetUtcNow(), request.ClientToken);
        if (reason is not null)
        {
            throw StepFunctionsErrors.ExecutionNotRedrivable(arn, reason);
        }
        if (resume is not null)
        {
            backend.Engine.Usage.Add("states", "ExecutionsRedriven", execution.Machine.Arn);
            backend.Resume(execution, resume);
        }
        return new RedriveExecutionResponse(date!.Value);
    }
}
