using Amazon.CDK;
using Amazon.CDK.AWS.Logs;

namespace Poc.Infra.Aws;

internal sealed class PocStackProps : StackProps
{
    /// <summary>Folder (or flat .zip) that `dotnet publish src/JobOrchestration.Functions` produced; one asset for all three functions.</summary>
    public required string FunctionsPackagePath { get; init; }

    /// <summary>Folder holding callback.asl.json and polling-baseline.asl.json, the same files poc deploy uses.</summary>
    public required string StateMachinesDirectory { get; init; }

    /// <summary>Deploy the JSONata flavour of both workflows (*.jsonata.asl.json) instead of the JSONPath one.</summary>
    public bool JsonataWorkflows { get; init; }

    /// <summary>What CloudFormation does with the tables and log groups on stack deletion; DESTROY suits a PoC.</summary>
    public RemovalPolicy DataRemovalPolicy { get; init; } = RemovalPolicy.DESTROY;

    public RetentionDays LogRetention { get; init; } = RetentionDays.TWO_WEEKS;

    /// <summary>Alarm threshold for PocCallback/OldestPendingJobAgeSeconds: the default polling timeout (3600 s) plus five minutes.</summary>
    public double OldestPendingJobAgeAlarmSeconds { get; init; } = 3900;
}
