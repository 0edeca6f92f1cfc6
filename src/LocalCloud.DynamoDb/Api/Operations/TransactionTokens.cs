using LocalCloud.Core;
using LocalCloud.DynamoDb.Persistence;

namespace LocalCloud.DynamoDb.Api.Operations;

/// <summary>
/// ClientRequestToken idempotency for TransactWriteItems: a token is remembered for 10 minutes after the
/// request that used it completed; the same request again answers what the first one did without
/// writing, a different request with the token gets IdempotentParameterMismatchException, and one
/// arriving while the first still runs gets TransactionInProgressException
/// (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html#DDB-TransactWriteItems-request-ClientRequestToken).
/// </summary>
internal sealed class TransactionTokens(TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly Lock _sync = new();
    private readonly Dictionary<(string Account, string Region, string Token), Entry> _entries = [];

    /// <summary>The earlier response when an identical request already completed; null when this request should run.</summary>
    public T? Begin<T>(RequestContext context, string token, string fingerprint)
        where T : class
    {
        lock (_sync)
        {
            var now = time.GetUtcNow();
            foreach (var expired in _entries.Where(e => e.Value.CompletedAt is { } at && now - at >= Window).Select(e => e.Key).ToList())
            {
                _entries.Remove(expired);
            }
            var key = (context.AccountId, context.Region, token);
            if (_entries.TryGetValue(key, out var entry))
            {
                if (entry.Fingerprint != fingerprint)
                {
                    throw DynamoDbErrors.IdempotentParameterMismatch();
                }
                return entry.CompletedAt is null
                    ? throw DynamoDbErrors.TransactionInProgressException()
                    : (T?)entry.Response;
            }
            _entries[key] = new Entry(fingerprint, null, null);
            return null;
        }
    }

    public void Complete(RequestContext context, string token, object response)
    {
        lock (_sync)
        {
            var key = (context.AccountId, context.Region, token);
            _entries[key] = _entries[key] with { CompletedAt = time.GetUtcNow(), Response = response };
        }
    }

    /// <summary>A cancelled or rejected request leaves nothing behind, so a retry with the token runs again.</summary>
    public void Abandon(RequestContext context, string token)
    {
        lock (_sync)
        {
            _entries.Remove((context.AccountId, context.Region, token));
        }
    }

    private sealed record Entry(string Fingerprint, DateTimeOffset? CompletedAt, object? Response);
}
