using System.Globalization;
using LocalCloud.Core;
using LocalCloud.StepFunctions.Api;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// Changes a running Map Run's MaxConcurrency and failure tolerance (https://docs.aws.amazon.com/step-functions/latest/apireference/API_UpdateMapRun.html).
/// The tolerance applies from the next child that ends; a higher MaxConcurrency starts more children at once, a lower one
/// lets running children finish but starts no new one until fewer run (Engine/MapRuns/MapRunWorkers).
/// </summary>
public sealed class UpdateMapRun(StepFunctionsBackend backend)
{
    public Task<UpdateMapRunResponse> HandleAsync(UpdateMapRunRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var arn = MapRunArns.Require(request.MapRunArn);
        if (request.MaxConcurrency is < 0)
        {
            throw StepFunctionsErrors.Validation(request.MaxConcurrency.Value.ToString(CultureInfo.InvariantCulture), "maxConcurrency", "Member must have value greater than or equal to 0");
        }
        if (request.ToleratedFailurePercentage is < 0 or > 100 || (request.ToleratedFailurePercentage is { } p && !double.IsFinite(p)))
        {
            throw StepFunctionsErrors.Validation(request.ToleratedFailurePercentage!.Value.ToString(CultureInfo.InvariantCulture), "toleratedFailurePercentage",
                "Member must have value less than or equal to 100 and greater than or equal to 0");
        }
        if (request.ToleratedFailureCount is < 0)
        {
            throw StepFunctionsErrors.Validation(request.ToleratedFailureCount.Value.ToString(CultureInfo.InvariantCulture), "toleratedFailureCount", "Member must have value greater than or equal to 0");
        }
        if (request.MaxConcurrency is null && request.ToleratedFailurePercentage is null && request.ToleratedFailureCount is null)
        {
            throw StepFunctionsErrors.ValidationMessage("At least one of maxConcurrency, toleratedFailurePercentage or toleratedFailureCount must be specified");
        }
        var run = backend.Engine.MapRuns.Find(arn) ?? throw StepFunctionsErrors.ResourceNotFound(arn);
        if (!run.Update(request.MaxConcurrency, request.ToleratedFailurePercentage, request.ToleratedFailureCount))
        {
            throw StepFunctionsErrors.ValidationMessage($"Map Run is not in RUNNING status: '{arn}'");
        }
        backend.Engine.MapRuns.Save(run);
        return Task.FromResult(new UpdateMapRunResponse());
    }
}
