using Aws.Clients.StepFunctions;

namespace Poc.Cli.Deploy;

/// <summary>Creates a Standard state machine from an ASL file, or updates its definition and role when they differ.</summary>
internal sealed class StateMachineDeployer(StepFunctionsClient stepFunctions, string roleArn)
{
    public async Task<(ResourceChange Change, string Arn)> DeployAsync(string name, string definition, CancellationToken ct)
    {
        var arn = await StateMachines.FindArnAsync(stepFunctions, name, ct);
        if (arn is null)
        {
            var created = await stepFunctions.CreateStateMachineAsync(
                new CreateStateMachineRequest { Name = name, Definition = definition, RoleArn = roleArn, Type = "STANDARD" }, ct);
            return (ResourceChange.Created, created.StateMachineArn);
        }

        var existing = await stepFunctions.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = arn }, ct);
        if (existing.Definition == definition && existing.RoleArn == roleArn)
        {
            return (ResourceChange.Unchanged, arn);
        }

        await stepFunctions.UpdateStateMachineAsync(
            new UpdateStateMachineRequest { StateMachineArn = arn, Definition = definition, RoleArn = roleArn }, ct);
        return (ResourceChange.Updated, arn);
    }
}
