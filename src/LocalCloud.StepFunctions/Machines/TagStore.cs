using System.Collections.Concurrent;

namespace LocalCloud.StepFunctions.Machines;

/// <summary>Tags per resource ARN, in the order keys were first added (ListTagsForResource returns them so).</summary>
public sealed class TagStore
{
    private readonly ConcurrentDictionary<string, List<KeyValuePair<string, string>>> _tags = new(StringComparer.Ordinal);

    public IReadOnlyList<KeyValuePair<string, string>> Get(string arn)
    {
        if (!_tags.TryGetValue(arn, out var list))
        {
            return [];
        }
        lock (list)
        {
            return [.. list];
        }
    }

    /// <summary>Adds or overwrites; returns false (and changes nothing) when the result would exceed <paramref name="limit"/> tags.</summary>
    public bool TrySet(string arn, IEnumerable<KeyValuePair<string, string>> tags, int limit)
    {
        var list = _tags.GetOrAdd(arn, _ => []);
        lock (list)
        {
            var merged = new List<KeyValuePair<string, string>>(list);
            foreach (var (key, value) in tags)
            {
                var at = merged.FindIndex(t => t.Key == key);
                if (at >= 0)
                {
                    merged[at] = new(key, value);
                }
                else
                {
                    merged.Add(new(key, value));
                }
            }
            if (merged.Count > limit)
            {
                return false;
            }
            list.Clear();
            list.AddRange(merged);
            return true;
        }
    }

    public void RemoveKeys(string arn, IEnumerable<string> keys)
    {
        if (_tags.TryGetValue(arn, out var list))
        {
            var drop = keys.ToHashSet(StringComparer.Ordinal);
            lock (list)
            {
                list.RemoveAll(t => drop.Contains(t.Key));
            }
        }
    }

    public void Remove(string arn) => _tags.TryRemove(arn, out _);
}
