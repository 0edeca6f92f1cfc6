using System.Text.RegularExpressions;
using LocalCloud.Core;
using LocalCloud.DynamoDb.Api;
using LocalCloud.DynamoDb.Api.Shapes;
using LocalCloud.DynamoDb.Model;
using LocalCloud.DynamoDb.Persistence;
using LocalCloud.DynamoDb.Storage;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>
/// CreateTable (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html).
/// The table is ACTIVE at once: nothing here takes time to provision.
/// </summary>
internal sealed partial class CreateTable(DynamoDbBackend engine)
{
    private const string Invalid = DynamoDbErrors.Invalid;

    public Task<CreateTableResponse> HandleAsync(CreateTableRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var name = request.TableName;
        DynamoDbBackend.RequireTableName(name);
        ValidateName(name!, "tableName");
        if (request.AttributeDefinitions is null)
        {
            throw AwsServiceException.Validation("1 validation error detected: Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null");
        }
        var types = new Dictionary<string, AttributeType>(StringComparer.Ordinal);
        var definitions = new List<KeyValuePair<string, AttributeType>>();
        foreach (var d in request.AttributeDefinitions)
        {
            if (d.AttributeType is not ("S" or "N" or "B"))
            {
                throw AwsServiceException.Validation($"1 validation error detected: Value '{d.AttributeType}' at 'attributeDefinitions.{definitions.Count + 1}.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
            }
            var type = Enum.Parse<AttributeType>(d.AttributeType);
            if (d.AttributeName is null || !types.TryAdd(d.AttributeName, type))
            {
                throw AwsServiceException.Validation($"{Invalid}Cannot have two attributes with the same name");
            }
            definitions.Add(new(d.AttributeName, type));
        }

        var tableKey = Key(request.KeySchema, "keySchema", types);
        var billing = request.BillingMode ?? "PROVISIONED";
        if (billing is not ("PROVISIONED" or "PAY_PER_REQUEST"))
        {
            throw AwsServiceException.Validation($"1 validation error detected: Value '{billing}' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
        }
        var (rcu, wcu) = Throughput(request.ProvisionedThroughput, billing, null);

        var arn = $"arn:aws:dynamodb:{context.Region}:{context.AccountId}:table/{name}";
        var indexes = new List<IndexDefinition>();
        foreach (var g in request.GlobalSecondaryIndexes ?? [])
        {
            var indexName = IndexName(g.IndexName, indexes);
            var key = Key(g.KeySchema, "globalSecondaryIndexes.member.keySchema", types);
            var (ircu, iwcu) = Throughput(g.ProvisionedThroughput, billing, indexName);
            indexes.Add(new IndexDefinition(indexName, true, key, ProjectionType(g.Projection, indexName), g.Projection?.NonKeyAttributes, ircu, iwcu, $"{arn}/index/{indexName}"));
        }
        foreach (var l in request.LocalSecondaryIndexes ?? [])
        {
            var indexName = IndexName(l.IndexName, indexes);
            var key = Key(l.KeySchema, "localSecondaryIndexes.member.keySchema", types);
            if (tableKey.RangeName is null)
            {
                throw AwsServiceException.Validation($"{Invalid}Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
            }
            if (key.HashName != tableKey.HashName)
            {
                throw AwsServiceException.Validation($"{Invalid}Index KeySchema does not have the same leading hash key as table KeySchema for index: {indexName}. index hash key: {key.HashName}, table hash key: {tableKey.HashName}");
            }
            if (key.RangeName is null)
            {
                throw AwsServiceException.Validation($"{Invalid}Index KeySchema does not have a range key for index: {indexName}");
            }
            indexes.Add(new IndexDefinition(indexName, false, key, ProjectionType(l.Projection, indexName), l.Projection?.NonKeyAttributes, rcu, wcu, $"{arn}/index/{indexName}"));
        }

        var used = tableKey.Names.Concat(indexes.SelectMany(i => i.Key.Names)).ToHashSet(StringComparer.Ordinal);
        if (used.Count != types.Count)
        {
            throw AwsServiceException.Validation($"{Invalid}Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }

        var now = engine.Time.GetUtcNow();
        var definition = new TableDefinition(name!, arn, Guid.NewGuid().ToString(), tableKey, definitions, indexes, billing, rcu, wcu,
            now, request.DeletionProtectionEnabled ?? false,
            PayPerRequestSince: billing == "PAY_PER_REQUEST" ? now : null,
            Tags: request.Tags is null ? null : TaggedTable.Merge(null, request.Tags));
        var store = engine.Store(context);
        if (!store.TryCreate(definition))
        {
            throw DynamoDbErrors.InUse(DynamoDbErrors.TableExists(name!));
        }
        return Task.FromResult(new CreateTableResponse { TableDescription = TableDescriptions.From(store.Open(name!)!, "ACTIVE") });
    }

    internal static void ValidateName(string name, string member)
    {
        if (name.Length < 3)
        {
            throw AwsServiceException.Validation($"1 validation error detected: Value '{name}' at '{member}' failed to satisfy constraint: Member must have length greater than or equal to 3");
        }
        if (name.Length > 255)
        {
            throw AwsServiceException.Validation($"1 validation error detected: Value '{name}' at '{member}' failed to satisfy constraint: Member must have length less than or equal to 255");
        }
        if (!NamePattern().IsMatch(name))
        {
            throw AwsServiceException.Validation($"1 validation error detected: Value '{name}' at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
    }

    internal static KeyDefinition Key(List<KeySchemaElement>? schema, string member, Dictionary<string, AttributeType> types)
    {
        if (schema is null || schema.Count == 0)
        {
            throw AwsServiceException.Validation($"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");
        }
        if (schema.Count > 2)
        {
            throw AwsServiceException.Validation($"1 validation error detected: Value '{schema.Count} elements' at '{member}' failed to satisfy constraint: Member must have length less than or equal to 2");
        }
        if (schema[0].KeyType != "HASH")
        {
            throw AwsServiceException.Validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (schema.Count == 2 && schema[1].KeyType != "RANGE")
        {
            throw AwsServiceException.Validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
        if (schema.Count == 2 && schema[0].AttributeName == schema[1].AttributeName)
        {
            throw AwsServiceException.Validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        var missing = schema.Select(s => s.AttributeName ?? string.Empty).Where(n => !types.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw AwsServiceException.Validation($"{Invalid}Some index key attributes are not defined in AttributeDefinitions. Keys: [{string.Join(", ", missing)}], AttributeDefinitions: [{string.Join(", ", types.Keys)}]");
        }
        var hash = schema[0].AttributeName!;
        var range = schema.Count == 2 ? schema[1].AttributeName : null;
        return new KeyDefinition(hash, types[hash], range, range is null ? null : types[range]);
    }

    internal static (long Read, long Write) Throughput(ProvisionedThroughput? throughput, string billing, string? index)
    {
        if (billing == "PAY_PER_REQUEST")
        {
            if (throughput is not null)
            {
                throw AwsServiceException.Validation($"{Invalid}Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
            return (0, 0);
        }
        if (throughput?.ReadCapacityUnits is not { } r || throughput.WriteCapacityUnits is not { } w)
        {
            throw AwsServiceException.Validation(index is null
                ? $"{Invalid}ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED"
                : $"{Invalid}ProvisionedThroughput must be specified for index: {index}");
        }
        if (r < 1 || w < 1)
        {
            throw AwsServiceException.Validation($"{Invalid}ReadCapacityUnits and WriteCapacityUnits must be greater than 0");
        }
        return (r, w);
    }

    internal static string IndexName(string? name, IReadOnlyList<IndexDefinition> existing)
    {
        if (name is null)
        {
            throw AwsServiceException.Validation("1 validation error detected: Value null at 'indexName' failed to satisfy constraint: Member must not be null");
        }
        ValidateName(name, "indexName");
        if (existing.Any(i => i.Name == name))
        {
            throw AwsServiceException.Validation($"{Invalid}Duplicate index name: {name}");
        }
        return name;
    }

    internal static string ProjectionType(Projection? projection, string index)
    {
        var type = projection?.ProjectionType ?? throw AwsServiceException.Validation($"{Invalid}Unknown ProjectionType: null for index: {index}");
        if (type is not ("ALL" or "KEYS_ONLY" or "INCLUDE"))
        {
            throw AwsServiceException.Validation($"1 validation error detected: Value '{type}' at 'projection.projectionType' failed to satisfy constraint: Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]");
        }
        if (type != "INCLUDE" && projection.NonKeyAttributes is { Count: > 0 })
        {
            throw AwsServiceException.Validation($"{Invalid}ProjectionType is {type}, but NonKeyAttributes is specified");
        }
        if (type == "INCLUDE" && projection.NonKeyAttributes is null or { Count: 0 })
        {
            throw AwsServiceException.Validation($"{Invalid}ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
        }
        return type;
    }

    [GeneratedRegex("^[a-zA-Z0-9_.-]+$")]
    private static partial Regex NamePattern();
}
