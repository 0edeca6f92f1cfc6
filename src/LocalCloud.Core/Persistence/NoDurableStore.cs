namespace LocalCloud.Core.Persistence;

/// <summary>Without <c>--data</c>: state lives in each service's memory only and nothing is written.</summary>
public sealed class NoDurableStore : IDurableStore
{
    public static NoDurableStore Instance { get; } = new();

    private NoDurableStore()
    {
    }

    public bool IsDurable => false;

    public IReadOnlyList<DurableRecord> Load(string collection) => [];

    public void Write(IReadOnlyList<DurableChange> changes)
    {
    }
}
