using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.Core.Persistence;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Persistence;

/// <summary>
/// Published versions and aliases of every function, in memory and — with --data — written through to the durable
/// store before the call that changed them returns (collections <see cref="VersionsCollection"/>, key
/// account/region/function/version, and <see cref="AliasesCollection"/>, key account/region/function/alias).
/// A durable write that fails leaves memory as it was.
/// </summary>
internal sealed class VersionStore(IDurableStore durable, string dataDirectory)
{
    public const string VersionsCollection = "lambda.versions";
    public const string AliasesCollection = "lambda.aliases";
    private const int AliasFormat = 1;

    private static readonly JsonSerializerOptions AliasJson = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private readonly Dictionary<(string Account, string Region, string Name), Entry> _functions = [];
    private readonly Lock _lock = new();

    /// <summary>
    /// Reads what a previous run stored. Versions and aliases of a function that no longer exists (a crash between
    /// DeleteFunction's writes) are deleted, so a function created again under that name starts clean, as on AWS.
    /// </summary>
    public IReadOnlyList<FunctionRecord> Load(Func<string, string, string, bool> functionExists)
    {
        var orphans = new List<DurableChange>();
        var versions = new List<FunctionRecord>();
        lock (_lock)
        {
            foreach (var record in durable.Load(VersionsCollection))
            {
                var version = FunctionJson.Read(record.Value, dataDirectory);
                if (!functionExists(version.AccountId, version.Region, version.FunctionName))
                {
                    orphans.Add(new DurableChange.Delete(VersionsCollection, record.Key));
                    CodePackage.Delete(version.Code);
                    continue;
                }
                EntryOf(version.AccountId, version.Region, version.FunctionName).Versions[Number(version.Version)] = version;
                versions.Add(version);
            }
            foreach (var record in durable.Load(AliasesCollection))
            {
                var alias = ReadAlias(record.Key, record.Value);
                if (!functionExists(alias.AccountId, alias.Region, alias.FunctionName))
                {
                    orphans.Add(new DurableChange.Delete(AliasesCollection, record.Key));
                    continue;
                }
                EntryOf(alias.AccountId, alias.Region, alias.FunctionName).Aliases[alias.Name] = alias;
            }
        }
        if (orphans.Count > 0)
        {
            durable.Write(orphans);
        }
        return versions;
    }

    public FunctionRecord? FindVersion(string accountId, string region, string functionName, string version)
    {
        lock (_lock)
        {
            return FunctionVersions.IsNumber(version) && _functions.TryGetValue((accountId, region, functionName), out var entry)
                && entry.Versions.TryGetValue(Number(version), out var found) ? found : null;
        }
    }

    /// <summary>Published versions, oldest first.</summary>
    public IReadOnlyList<FunctionRecord> Versions(string accountId, string region, string functionName)
    {
        lock (_lock)
        {
            return _functions.TryGetValue((accountId, region, functionName), out var entry) ? [.. entry.Versions.Values] : [];
        }
    }

    public void AddVersion(FunctionRecord version)
    {
        lock (_lock)
        {
            if (durable.IsDurable)
            {
                durable.Put(VersionsCollection, VersionKey(version), FunctionJson.Write(version, dataDirectory));
            }
            EntryOf(version.AccountId, version.Region, version.FunctionName).Versions[Number(version.Version)] = version;
        }
    }

    /// <summary>Removes one version, unless an alias still points at it (AWS refuses that delete): the names of those aliases.</summary>
    public (FunctionRecord? Removed, IReadOnlyList<string> ReferencedBy) RemoveVersion(string accountId, string region, string functionName, string version)
    {
        lock (_lock)
        {
            if (!_functions.TryGetValue((accountId, region, functionName), out var entry) || !entry.Versions.TryGetValue(Number(version), out var found))
            {
                return (null, []);
            }
            var referencedBy = entry.Aliases.Values
                .Where(a => a.FunctionVersion == version || (a.AdditionalVersionWeights?.ContainsKey(version) ?? false))
                .Select(a => a.Name)
                .ToList();
            if (referencedBy.Count > 0)
            {
                return (null, referencedBy);
            }
            durable.Delete(VersionsCollection, VersionKey(found));
            entry.Versions.Remove(Number(version));
            return (found, []);
        }
    }

    public AliasRecord? FindAlias(string accountId, string region, string functionName, string name)
    {
        lock (_lock)
        {
            return _functions.TryGetValue((accountId, region, functionName), out var entry) && entry.Aliases.TryGetValue(name, out var alias) ? alias : null;
        }
    }

    /// <summary>Aliases ordered by name.</summary>
    public IReadOnlyList<AliasRecord> Aliases(string accountId, string region, string functionName)
    {
        lock (_lock)
        {
            return _functions.TryGetValue((accountId, region, functionName), out var entry) ? [.. entry.Aliases.Values] : [];
        }
    }

    /// <summary>
    /// Stores <paramref name="alias"/> if the stored one still has <paramref name="expectedRevisionId"/> (null: none
    /// may exist yet). False otherwise, storing nothing.
    /// </summary>
    public bool TryPutAlias(AliasRecord alias, string? expectedRevisionId)
    {
        lock (_lock)
        {
            var entry = EntryOf(alias.AccountId, alias.Region, alias.FunctionName);
            var current = entry.Aliases.GetValueOrDefault(alias.Name);
            if (current?.RevisionId != expectedRevisionId)
            {
                return false;
            }
            if (durable.IsDurable)
            {
                durable.Put(AliasesCollection, AliasKey(alias), WriteAlias(alias));
            }
            entry.Aliases[alias.Name] = alias;
            return true;
        }
    }

    public AliasRecord? RemoveAlias(string accountId, string region, string functionName, string name)
    {
        lock (_lock)
        {
            if (!_functions.TryGetValue((accountId, region, functionName), out var entry) || !entry.Aliases.TryGetValue(name, out var alias))
            {
                return null;
            }
            durable.Delete(AliasesCollection, AliasKey(alias));
            entry.Aliases.Remove(name);
            return alias;
        }
    }

    /// <summary>DeleteFunction: every version and alias goes; the versions are answered so their code can be deleted.</summary>
    public IReadOnlyList<FunctionRecord> RemoveFunction(string accountId, string region, string functionName)
    {
        lock (_lock)
        {
            if (!_functions.TryGetValue((accountId, region, functionName), out var entry))
            {
                return [];
            }
            var prefix = $"{accountId}/{region}/{functionName}/";
            durable.Write([new DurableChange.DeletePrefix(VersionsCollection, prefix), new DurableChange.DeletePrefix(AliasesCollection, prefix)]);
            _functions.Remove((accountId, region, functionName));
            return [.. entry.Versions.Values];
        }
    }

    private Entry EntryOf(string accountId, string region, string functionName)
    {
        if (!_functions.TryGetValue((accountId, region, functionName), out var entry))
        {
            entry = new Entry();
            _functions[(accountId, region, functionName)] = entry;
        }
        return entry;
    }

    private static int Number(string version) => int.Parse(version, NumberStyles.None, CultureInfo.InvariantCulture);

    // Zero-padded so the durable store's key order is the version order.
    private static string VersionKey(FunctionRecord version)
        => $"{version.AccountId}/{version.Region}/{version.FunctionName}/{Number(version.Version):D10}";

    private static string AliasKey(AliasRecord alias) => $"{alias.AccountId}/{alias.Region}/{alias.FunctionName}/{alias.Name}";

    private static string WriteAlias(AliasRecord alias)
    {
        var json = JsonSerializer.SerializeToNode(alias, AliasJson)!.AsObject();
        json.Insert(0, "v", AliasFormat);
        return json.ToJsonString(AliasJson);
    }

    private static AliasRecord ReadAlias(string key, string value)
    {
        try
        {
            var json = JsonNode.Parse(value)?.AsObject() ?? throw new InvalidDataException($"The stored Lambda alias {key} is null.");
            if (json["v"]?.GetValue<int>() != AliasFormat)
            {
                throw new InvalidDataException($"The stored Lambda alias {key} has version {json["v"]?.ToJsonString() ?? "none"}; this LocalCloud reads version {AliasFormat}.");
            }
            return json.Deserialize<AliasRecord>(AliasJson) ?? throw new InvalidDataException($"The stored Lambda alias {key} is null.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"The stored Lambda alias {key} could not be read: {e.Message}", e);
        }
    }

    private sealed class Entry
    {
        public SortedDictionary<int, FunctionRecord> Versions { get; } = [];
        public SortedDictionary<string, AliasRecord> Aliases { get; } = new(StringComparer.Ordinal);
    }
}
