using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Engine.Express;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// Which executions ListExecutions lists: a Standard state machine's, or the child executions of a Map Run (one of
/// stateMachineArn and mapRunArn), with AWS's rules on redriveFilter and PENDING_REDRIVE
/// (https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListExecutions.html).
/// </summary>
public static class ListExecutionsSource
{
    public static (string Arn, IReadOnlyList<Execution> Executions) Select(StepFunctionsBackend backend, ListExecutionsRequest request)
    {
        if (request.RedriveFilter is not (null or "REDRIVEN" or "NOT_REDRIVEN"))
        {
            throw StepFunctionsErrors.Validation($"'{request.RedriveFilter}'", "redriveFilter", "Member must satisfy enum value set: [REDRIVEN, NOT_REDRIVEN]");
        }
        if (request.MapRunArn is { } mapRunArn)
        {
            if (request.StateMachineArn is not null)
            {
                throw AwsValidation("Only one of stateMachineArn or mapRunArn can be specified");
            }
            Validate.MaxLength(mapRunArn, "mapRunArn", 2000);
            var run = backend.Engine.MapRuns.Find(MapRunArns.Require(mapRunArn)) ?? throw StepFunctionsErrors.ResourceNotFound(mapRunArn);
            return (run.Arn, backend.Executions.All.Where(e => e.MapRunArn == run.Arn)
                .OrderByDescending(e => e.StartDate).ThenByDescending(e => e.Name, StringComparer.Ordinal).ToList());
        }
        var qualified = QualifiedArn.Require(request.StateMachineArn);
        var arn = qualified.Arn;
        var machine = backend.RequireMachine(qualified.MachineArn);
        if (machine.Type == ExpressRules.Express)
        {
            throw StepFunctionsErrors.StateMachineTypeNotSupported("ListExecutions", machine.Type);
        }
        if (request.StatusFilter == "PENDING_REDRIVE")
        {
            throw AwsValidation("The PENDING_REDRIVE statusFilter can only be used with a mapRunArn");
        }
        return (arn, VersionFilter.Apply(backend, qualified, backend.Executions.ForStateMachine(qualified.MachineArn)));
    }

    public static bool Redriven(string? filter, Execution execution) => filter switch
    {
        "REDRIVEN" => execution.RedriveCount > 0,
        "NOT_REDRIVEN" => execution.RedriveCount == 0,
        _ => true,
    };

    private static LocalCloud.Core.AwsServiceException AwsValidation(string message) => StepFunctionsErrors.ValidationMessage(message);
}
