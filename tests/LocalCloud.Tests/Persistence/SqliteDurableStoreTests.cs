using LocalCloud.Core.Persistence;
using LocalCloud.Persistence;

namespace LocalCloud.Tests.Persistence;

public sealed class SqliteDurableStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "localcloud-store-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Load_AfterReopen_ReturnsLastWrittenValuesInKeyOrder()
    {
        using (var store = new SqliteDurableStore(_directory))
        {
            store.Write([
                new DurableChange.Put("c", "b", "2"),
                new DurableChange.Put("c", "a", "1"),
                new DurableChange.Put("other", "a", "x"),
            ]);
            store.Put("c", "b", "two");
        }

        using var reopened = new SqliteDurableStore(_directory);

        Assert.Equal([new DurableRecord("a", "1"), new DurableRecord("b", "two")], reopened.Load("c"));
        Assert.Equal([new DurableRecord("a", "x")], reopened.Load("other"));
        Assert.Empty(reopened.Load("missing"));
    }

    [Fact]
    public void Load_OrdersKeysOrdinally_SoZeroPaddedSequencesComeBackInOrder()
    {
        using var store = new SqliteDurableStore(_directory);
        int[] sequence = [10, 2, 1, 100];
        store.Write([.. sequence.Select(i => new DurableChange.Put("h", $"exec/{i:D6}", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
        store.Put("h", "exec/Z", "upper");
        store.Put("h", "exec/a", "lower");

        Assert.Equal(["exec/000001", "exec/000002", "exec/000010", "exec/000100", "exec/Z", "exec/a"], store.Load("h").Select(r => r.Key));
    }

    [Fact]
    public void Delete_RemovesOneRecord_AndIgnoresAbsentKeys()
    {
        using var store = new SqliteDurableStore(_directory);
        store.Put("c", "a", "1");
        store.Put("c", "b", "2");

        store.Delete("c", "a");
        store.Delete("c", "never-written");

        Assert.Equal([new DurableRecord("b", "2")], store.Load("c"));
    }

    [Fact]
    public void DeletePrefix_MatchesLiterally_EvenWithLikeWildcards()
    {
        using var store = new SqliteDurableStore(_directory);
        store.Write([
            new DurableChange.Put("items", "t_1/a", "1"),
            new DurableChange.Put("items", "t_1/b", "2"),
            new DurableChange.Put("items", "tx1/a", "kept: '_' is not a wildcard"),
            new DurableChange.Put("items", "t%/a", "kept: '%' is not a wildcard"),
            new DurableChange.Put("other", "t_1/a", "kept: another collection"),
        ]);

        store.DeletePrefix("items", "t_1/");

        Assert.Equal(["t%/a", "tx1/a"], store.Load("items").Select(r => r.Key));
        Assert.Single(store.Load("other"));
    }

    [Fact]
    public void Write_WhenOneChangeFails_WritesNone()
    {
        using var store = new SqliteDurableStore(_directory);
        store.Put("c", "a", "before");

        Assert.Throws<ArgumentException>(() => store.Write([
            new DurableChange.Put("c", "a", "after"),
            new DurableChange.Put("c", "b", "new"),
            new UnknownChange("c", "z"),
        ]));

        Assert.Equal([new DurableRecord("a", "before")], store.Load("c"));
    }

    [Fact]
    public void Constructor_UsesWriteAheadLogging()
    {
        using (new SqliteDurableStore(_directory))
        {
        }
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_directory, SqliteDurableStore.FileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", command.ExecuteScalar() as string);
    }

    [Fact]
    public void Write_AfterDispose_Throws()
    {
        var store = new SqliteDurableStore(_directory);
        store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => store.Put("c", "a", "1"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private sealed record UnknownChange(string Collection, string Key) : DurableChange(Collection, Key);
}
