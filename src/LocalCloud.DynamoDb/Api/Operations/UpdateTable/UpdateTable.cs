using LocalCloud.Core;
using LocalCloud.DynamoDb.Api;
using LocalCloud.DynamoDb.Api.Shapes;
using LocalCloud.DynamoDb.Model;
using LocalCloud.DynamoDb.Persistence;
using LocalCloud.DynamoDb.Storage;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>
/// UpdateTable (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html):
/// billing mode, provisioned throughput, deletion protection, and one GSI create or delete per call (AWS's
/// limit) or GSI throughput updates. A new GSI is backfilled from the table's items inside the table's lock,
/// so it is complete and ACTIVE when the call returns (AWS reports CREATING and backfills in the background).
/// Streams, SSE, table class and replicas are not emulated and are refused.
/// </summary>
internal sealed class UpdateTable(DynamoDbBackend engine)
{
    private const string Invalid = DynamoDbErrors.Invalid;

    public Task<UpdateTableResponse> HandleAsync(UpdateTableRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        DynamoDbBackend.RequireTableName(request.TableName);
        var table = engine.Store(context).Open(DynamoDbBackend.TableNameOf(request.TableName!))
            ?? throw DynamoDbErrors.NotFound(DynamoDbErrors.TableNotFound(request.TableName!));
        foreach (var (value, name) in new (object?, string)[] { (request.StreamSpecification, "StreamSpecification"), (request.SSESpecification, "SSESpecification"), (request.ReplicaUpdates, "ReplicaUpdates"), (request.TableClass, "TableClass") })
        {
            if (value is not null)
            {
                throw AwsServiceException.Validation($"LocalCloud does not emulate {name}; UpdateTable supports BillingMode, ProvisionedThroughput, GlobalSecondaryIndexUpdates and DeletionProtectionEnabled.");
            }
        }
        var indexUpdates = request.GlobalSecondaryIndexUpdates ?? [];
        if (request.BillingMode is null && request.ProvisionedThroughput is null && indexUpdates.Count == 0 && request.DeletionProtectionEnabled is null)
        {
            throw AwsServiceException.Validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }
        if (indexUpdates.Count(u => u.Create is not null || u.Delete is not null) > 1)
        {
            throw DynamoDbErrors.LimitExceeded("Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
        }
        table.Redefine(current => Apply(current, request, indexUpdates));
        return Task.FromResult(new UpdateTableResponse { TableDescription = TableDescriptions.From(table, "ACTIVE") });
    }

    private TableDefinition Apply(TableDefinition current, UpdateTableRequest request, List<GlobalSecondaryIndexUpdate> indexUpdates)
    {
        var billing = request.BillingMode ?? current.BillingMode;
        if (billing is not ("PROVISIONED" or "PAY_PER_REQUEST"))
        {
            throw AwsServiceException.Validation($"1 validation error detected: Value '{billing}' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
        }
        var switching = billing != current.BillingMode;
        var (rcu, wcu) = (current.ReadCapacityUnits, current.WriteCapacityUnits);
        if (request.ProvisionedThroughput is not null || billing == "PAY_PER_REQUEST" || switching)
        {
            (rcu, wcu) = CreateTable.Throughput(request.ProvisionedThroughput, billing, null);
            if (!switching && billing == "PROVISIONED" && indexUpdates.Count == 0 && (rcu, wcu) == (current.ReadCapacityUnits, current.WriteCapacityUnits))
            {
                throw AwsServiceException.Validation(
                    $"The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: {rcu}. Requested ReadCapacityUnits: {rcu}. Current WriteCapacityUnits provisioned for the table: {wcu}. Requested WriteCapacityUnits: {wcu}. Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
            }
        }

        var types = current.AttributeDefinitions.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
        foreach (var d in request.AttributeDefinitions ?? [])
        {
            if (d.AttributeName is null || d.AttributeType is not ("S" or "N" or "B"))
            {
                throw AwsServiceException.Validation($"{Invalid}Invalid attribute definition: {d.AttributeName} {d.AttributeType}");
            }
            var type = Enum.Parse<AttributeType>(d.AttributeType);
            if (types.TryGetValue(d.AttributeName, out var existing) && existing != type)
            {
                throw AwsServiceException.Validation($"{Invalid}Cannot change the type of attribute {d.AttributeName} from {existing} to {type}");
            }
            types[d.AttributeName] = type;
        }

        var indexes = current.Indexes.ToList();
        var throughputGiven = new HashSet<string>(StringComparer.Ordinal);
        foreach (var update in indexUpdates)
        {
            switch (update)
            {
                case { Create: { } create, Delete: null, Update: null }:
                    if (create.IndexName is not null && indexes.Any(i => i.Name == create.IndexName))
                    {
                        throw AwsServiceException.Validation($"{Invalid}Attempting to create an index which already exists: {create.IndexName}");
                    }
                    var name = CreateTable.IndexName(create.IndexName, indexes);
                    var key = CreateTable.Key(create.KeySchema, "globalSecondaryIndexUpdates.member.create.keySchema", types);
                    var (ircu, iwcu) = CreateTable.Throughput(create.ProvisionedThroughput, billing, name);
                    indexes.Add(new IndexDefinition(name, true, key, CreateTable.ProjectionType(create.Projection, name), create.Projection?.NonKeyAttributes, ircu, iwcu, $"{current.Arn}/index/{name}"));
                    throughputGiven.Add(name);
                    break;
                case { Delete: { } delete, Create: null, Update: null }:
                    var gone = indexes.FindIndex(i => i.IsGlobal && i.Name == delete.IndexName);
                    if (gone < 0)
                    {
                        throw DynamoDbErrors.NotFound($"{DynamoDbErrors.ResourceNotFound}: Table: {current.Name} Index: {delete.IndexName} not found");
                    }
                    indexes.RemoveAt(gone);
                    break;
                case { Update: { } change, Create: null, Delete: null }:
                    var at = indexes.FindIndex(i => i.IsGlobal && i.Name == change.IndexName);
                    if (at < 0)
                    {
                        throw DynamoDbErrors.NotFound($"{DynamoDbErrors.ResourceNotFound}: Table: {current.Name} Index: {change.IndexName} not found");
                    }
                    if (billing == "PAY_PER_REQUEST")
                    {
                        throw AwsServiceException.Validation($"{Invalid}ProvisionedThroughput cannot be specified for index: {change.IndexName} when BillingMode is PAY_PER_REQUEST");
                    }
                    var (urcu, uwcu) = CreateTable.Throughput(change.ProvisionedThroughput, billing, change.IndexName);
                    indexes[at] = indexes[at] with { ReadCapacityUnits = urcu, WriteCapacityUnits = uwcu };
                    throughputGiven.Add(indexes[at].Name);
                    break;
                default:
                    throw AwsServiceException.Validation($"{Invalid}A GlobalSecondaryIndexUpdate must contain exactly one of Create, Update or Delete");
            }
        }
        for (var i = 0; i < indexes.Count; i++)
        {
            if (!indexes[i].IsGlobal || !switching)
            {
                continue;
            }
            if (billing == "PAY_PER_REQUEST")
            {
                indexes[i] = indexes[i] with { ReadCapacityUnits = 0, WriteCapacityUnits = 0 };
            }
            else if (!throughputGiven.Contains(indexes[i].Name))
            {
                throw AwsServiceException.Validation($"{Invalid}ProvisionedThroughput must be specified for index: {indexes[i].Name}");
            }
        }
        foreach (var lsi in indexes.Where(i => !i.IsGlobal).ToList())
        {
            indexes[indexes.IndexOf(lsi)] = lsi with { ReadCapacityUnits = rcu, WriteCapacityUnits = wcu };
        }

        // AWS keeps only the attribute definitions some key schema still uses.
        var used = current.Key.Names.Concat(indexes.SelectMany(i => i.Key.Names)).ToHashSet(StringComparer.Ordinal);
        return current with
        {
            BillingMode = billing,
            ReadCapacityUnits = rcu,
            WriteCapacityUnits = wcu,
            Indexes = indexes,
            AttributeDefinitions = types.Where(t => used.Contains(t.Key)).ToList(),
            DeletionProtectionEnabled = request.DeletionProtectionEnabled ?? current.DeletionProtectionEnabled,
            PayPerRequestSince = switching && billing == "PAY_PER_REQUEST" ? engine.Time.GetUtcNow() : current.PayPerRequestSince,
        };
    }
}
