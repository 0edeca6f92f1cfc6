using System.Text;
using System.Text.Json;
using LocalCloud.Core.Persistence;
using LocalCloud.Lambda.Execution;

namespace LocalCloud.Lambda.Persistence;

/// <summary>
/// Where accepted Event invocations wait out a crash (collection <see cref="Collection"/>, key
/// account/region/requestId): written when Invoke accepts one (before its 202) and after each failed attempt (attempt
/// count, next retry time), removed when it ends. Without --data every call is a no-op and nothing is serialised.
/// </summary>
internal sealed class EventJournal(IDurableStore durable)
{
    public const string Collection = "lambda.events";
    private const int Version = 1;

    public void Save(QueuedEvent queued)
    {
        if (!durable.IsDurable)
        {
            return;
        }
        var stored = new StoredEvent(Version, queued.AccountId, queued.Region, queued.FunctionName, queued.RequestId, Encoding.UTF8.GetString(queued.Payload.Span), queued.Received, queued.FailedAttempts, queued.NextAttempt, queued.Version);
        durable.Put(Collection, Key(queued), JsonSerializer.Serialize(stored));
    }

    public void Remove(QueuedEvent queued) => durable.Delete(Collection, Key(queued));

    /// <summary>Events a previous run accepted and did not finish, oldest first.</summary>
    /// <exception cref="InvalidDataException">A record this version of LocalCloud did not write.</exception>
    public IReadOnlyList<QueuedEvent> Load()
    {
        var events = new List<QueuedEvent>();
        foreach (var record in durable.Load(Collection))
        {
            StoredEvent? stored;
            try
            {
                stored = JsonSerializer.Deserialize<StoredEvent>(record.Value);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"The queued Lambda event {record.Key} could not be read: {e.Message}", e);
            }
            if (stored is null || stored.V != Version)
            {
                throw new InvalidDataException($"The queued Lambda event {record.Key} has version {stored?.V}; this LocalCloud reads version {Version}.");
            }
            events.Add(new QueuedEvent(stored.AccountId, stored.Region, stored.FunctionName, stored.RequestId, Encoding.UTF8.GetBytes(stored.Payload), stored.Received)
            {
                FailedAttempts = stored.FailedAttempts,
                NextAttempt = stored.NextAttempt,
                Version = stored.Version,
            });
        }
        return [.. events.OrderBy(e => e.Received)];
    }

    private static string Key(QueuedEvent queued) => $"{queued.AccountId}/{queued.Region}/{queued.RequestId}";
}
