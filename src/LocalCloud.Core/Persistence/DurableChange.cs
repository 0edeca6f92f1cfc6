namespace LocalCloud.Core.Persistence;

/// <summary>One change to a collection; a list of them is written atomically.</summary>
public abstract record DurableChange(string Collection, string Key)
{
    /// <summary>Inserts or replaces the record at <paramref name="Key"/>.</summary>
    public sealed record Put(string Collection, string Key, string Value) : DurableChange(Collection, Key);

    /// <summary>Removes the record at <paramref name="Key"/> (nothing if absent).</summary>
    public sealed record Delete(string Collection, string Key) : DurableChange(Collection, Key);

    /// <summary>Removes every record whose key starts with <paramref name="Key"/>: a deleted table's items, an execution's history.</summary>
    public sealed record DeletePrefix(string Collection, string Key) : DurableChange(Collection, Key);
}
