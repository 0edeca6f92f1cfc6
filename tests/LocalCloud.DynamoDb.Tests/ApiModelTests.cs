using System.Text.Json;

namespace LocalCloud.DynamoDb.Tests;

/// <summary>Every operation LocalCloud lists (served or not) must be one the published DynamoDB model names, and none may be missing.</summary>
public class ApiModelTests
{
    private static readonly string[] Implemented =
    [
        "BatchGetItem", "BatchWriteItem", "CreateTable", "DeleteItem", "DeleteTable", "DescribeEndpoints", "DescribeTable", "DescribeTimeToLive", "GetItem", "ListTables", "ListTagsOfResource", "PutItem", "Query", "Scan", "TagResource", "TransactGetItems", "TransactWriteItems", "UntagResource", "UpdateItem", "UpdateTable", "UpdateTimeToLive",
    ];

    [Fact]
    public void Operations_MatchPublishedModel_ExactlyOnce()
    {
        var model = FindModel();
        if (model is null)
        {
            Assert.Skip("../shared/data/aws-api-models/dynamodb.json not found beside the repository");
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(model));
        var modelOperations = doc.RootElement.GetProperty("operations").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();

        var ours = Implemented.Concat(DynamoDbService.NotImplemented).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(modelOperations, ours);
    }

    private static string? FindModel()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "aws-api-models", "dynamodb.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
