using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LocalCloud.Core.Persistence;
using Microsoft.Extensions.Logging;

namespace LocalCloud.StepFunctions.Persistence;

/// <summary>Reads one collection back; a record that cannot be read is logged and skipped rather than stopping the service.</summary>
internal static class DurableReader
{
    public static List<(string Key, T Value)> Read<T>(IDurableStore store, string collection, JsonTypeInfo<T> type, Func<T, int> version, ILogger logger)
    {
        var records = new List<(string, T)>();
        foreach (var record in store.Load(collection))
        {
            T? value;
            try
            {
                value = JsonSerializer.Deserialize(record.Value, type);
            }
            catch (JsonException e)
            {
                logger.LogWarning(e, "Skipped the unreadable record {Key} of {Collection}", record.Key, collection);
                continue;
            }
            if (value is null || version(value) != 1)
            {
                logger.LogWarning("Skipped the record {Key} of {Collection}: empty or of an unknown version", record.Key, collection);
                continue;
            }
            records.Add((record.Key, value));
        }
        return records;
    }
}
