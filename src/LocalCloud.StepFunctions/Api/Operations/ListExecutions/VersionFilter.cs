using LocalCloud.StepFunctions.Engine;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// ListExecutions on a version or alias ARN lists the executions associated with it (API_ListExecutions.html): those
/// started on the version (directly or through an alias), or through the alias. An unknown version or alias is ResourceNotFound.
/// </summary>
public static class VersionFilter
{
    public static IReadOnlyList<Execution> Apply(StepFunctionsBackend backend, QualifiedArn arn, IReadOnlyList<Execution> executions)
    {
        if (arn.Qualifier is null)
        {
            return executions;
        }
        var catalog = backend.PublishedVersions;
        if (arn.IsVersion ? catalog.FindVersion(arn.Arn) is null : catalog.FindAlias(arn.Arn) is null)
        {
            throw StepFunctionsErrors.ResourceDoesNotExist();
        }
        return executions.Where(e => catalog.ExecutionOf(e.Arn) is { } q && (arn.IsVersion ? q.VersionArn == arn.Arn : q.AliasArn == arn.Arn)).ToList();
    }
}
