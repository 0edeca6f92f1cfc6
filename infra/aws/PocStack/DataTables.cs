using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Constructs;
using DynamoAttribute = Amazon.CDK.AWS.DynamoDB.Attribute;

namespace Poc.Infra.Aws;

internal sealed class DataTables : Construct
{
    public DataTables(Construct scope, string id, RemovalPolicy removalPolicy)
        : base(scope, id)
    {
        Jobs = new Table(this, "Jobs", new TableProps
        {
            TableName = ResourceNames.JobsTable,
            PartitionKey = new DynamoAttribute { Name = "jobId", Type = AttributeType.STRING },
            BillingMode = BillingMode.PAY_PER_REQUEST,
            RemovalPolicy = removalPolicy,
        });

        // The token table is the only record of which executions wait on which job, so it gets point-in-time recovery.
        Tokens = new Table(this, "TaskTokens", new TableProps
        {
            TableName = ResourceNames.TokensTable,
            PartitionKey = new DynamoAttribute { Name = "executionArn", Type = AttributeType.STRING },
            BillingMode = BillingMode.PAY_PER_REQUEST,
            PointInTimeRecovery = true,
            RemovalPolicy = removalPolicy,
        });
        Tokens.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
        {
            IndexName = ResourceNames.TokensStatusIndex,
            PartitionKey = new DynamoAttribute { Name = "status", Type = AttributeType.STRING },
            SortKey = new DynamoAttribute { Name = "createdAt", Type = AttributeType.STRING },
            ProjectionType = ProjectionType.ALL,
        });
    }

    public Table Jobs { get; }

    public Table Tokens { get; }

    public string TokensStatusIndexArn => $"{Tokens.TableArn}/index/{ResourceNames.TokensStatusIndex}";
}
