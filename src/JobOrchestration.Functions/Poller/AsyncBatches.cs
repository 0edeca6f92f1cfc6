using System.Runtime.CompilerServices;

namespace JobOrchestration.Functions.Poller;

internal static class AsyncBatches
{
    /// <summary>Consecutive runs of <paramref name="size"/> items (the last may be shorter), read lazily.</summary>
    public static async IAsyncEnumerable<T[]> Of<T>(IAsyncEnumerable<T> source, int size, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<T>(size);
        await foreach (var item in source.WithCancellation(cancellationToken))
        {
            batch.Add(item);
            if (batch.Count == size)
            {
                yield return [.. batch];
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            yield return [.. batch];
        }
    }
}
