using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// DescribeStateMachine on a version ARN: the version's definition, role, revision and description, its ARN as
/// stateMachineArn and its publication as creationDate (API_DescribeStateMachine.html; LocalStack's snapshot
/// test_create_publish_describe_with_version_description). On an alias ARN AWS documents nothing; LocalCloud describes
/// the version the alias routes most executions to (the first on a tie), which docs/services/stepfunctions.md flags.
/// </summary>
public static class DescribeVersion
{
    public static DescribeStateMachineResponse Of(StepFunctionsBackend backend, QualifiedArn arn)
    {
        var catalog = backend.PublishedVersions;
        var versionArn = arn.Arn;
        if (arn.IsAlias)
        {
            var alias = catalog.FindAlias(arn.Arn) ?? throw StepFunctionsErrors.StateMachineDoesNotExist(arn.Arn);
            versionArn = alias.Routing.MaxBy(r => r.Weight)!.VersionArn;
        }
        var v = catalog.FindVersion(versionArn) ?? throw StepFunctionsErrors.StateMachineDoesNotExist(arn.Arn);
        var name = v.MachineArn[(v.MachineArn.LastIndexOf(':') + 1)..];
        return new DescribeStateMachineResponse(v.Arn, name, "ACTIVE", v.Definition, v.RoleArn, v.Type, v.CreationDate,
            new JsonObject { ["level"] = "OFF", ["includeExecutionData"] = false }, new JsonObject { ["enabled"] = false }, v.RevisionId, v.Description);
    }
}
