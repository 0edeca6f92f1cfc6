using LocalCloud.StepFunctions.Machines;
using LocalCloud.StepFunctions.Machines.Versions;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// What StartExecution's stateMachineArn names: the machine's latest revision (unqualified), a published version, or
/// an alias, which picks one of its versions by weight. A qualified execution is associated with the version and, when
/// started through one, the alias (https://docs.aws.amazon.com/step-functions/latest/dg/execution-alias-version-associate.html).
/// </summary>
public static class ExecutionTarget
{
    /// <summary>The machine as the execution runs it (the version's definition and role when qualified), and its qualifier.</summary>
    public static (StateMachineRecord Machine, ExecutionQualifier? Qualifier) Resolve(StepFunctionsBackend backend, string? stateMachineArn)
    {
        var arn = QualifiedArn.Require(stateMachineArn);
        var machine = backend.RequireMachine(arn.MachineArn);
        if (arn.Qualifier is null)
        {
            return (machine, null);
        }
        var catalog = backend.PublishedVersions;
        string? aliasArn = null;
        var versionArn = arn.Arn;
        if (arn.IsAlias)
        {
            var alias = catalog.FindAlias(arn.Arn) ?? throw StepFunctionsErrors.StateMachineDoesNotExist(arn.Arn);
            versionArn = catalog.Route(alias);
            aliasArn = alias.Arn;
        }
        var version = catalog.FindVersion(versionArn) ?? throw StepFunctionsErrors.StateMachineDoesNotExist(arn.Arn);
        return (AsMachine(machine, version), new ExecutionQualifier(versionArn, aliasArn));
    }

    /// <summary>The version seen as a machine record: its ARN stays the machine's, as AWS shows it in DescribeExecution's stateMachineArn.</summary>
    public static StateMachineRecord AsMachine(StateMachineRecord machine, PublishedVersion version)
        => machine with { Definition = version.Definition, Parsed = version.Parsed, RoleArn = version.RoleArn, RevisionId = version.RevisionId, UpdateDate = version.RevisionDate };

    /// <summary>Remembers (and writes, before StartExecution answers) the version and alias a new execution was started on.</summary>
    public static void Record(StepFunctionsBackend backend, string executionArn, ExecutionQualifier? qualifier)
    {
        if (qualifier is null)
        {
            return;
        }
        backend.PublishedVersions.RecordExecution(executionArn, qualifier);
        backend.VersionJournal.ExecutionStarted(executionArn, qualifier);
    }
}
