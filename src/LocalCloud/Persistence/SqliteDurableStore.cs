using LocalCloud.Core.Persistence;
using Microsoft.Data.Sqlite;

namespace LocalCloud.Persistence;

/// <summary>
/// <c>--data DIR</c>: every service's durable state in one SQLite file, DIR/localcloud.db.
/// WAL with synchronous=NORMAL: a committed transaction is in the OS's page cache before
/// <see cref="Write"/> returns, so it survives the process being killed (kill -9); only a power loss
/// could take the last commits (https://www.sqlite.org/wal.html, https://www.sqlite.org/pragma.html#pragma_synchronous).
/// One connection behind a lock: SQLite runs one writer at a time anyway, and commits are tens of microseconds.
/// </summary>
public sealed class SqliteDurableStore : IDurableStore, IDisposable
{
    public const string FileName = "localcloud.db";

    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _put;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _deletePrefix;
    private bool _disposed;

    public SqliteDurableStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        Path = System.IO.Path.Combine(directory, FileName);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        _connection.Open();
        Execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS records (
                collection TEXT NOT NULL,
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (collection, key)
            ) WITHOUT ROWID;
            """);
        _put = Prepare("INSERT INTO records (collection, key, value) VALUES ($c, $k, $v) ON CONFLICT (collection, key) DO UPDATE SET value = excluded.value", "$c", "$k", "$v");
        _delete = Prepare("DELETE FROM records WHERE collection = $c AND key = $k", "$c", "$k");
        // substr compares the raw prefix, so keys with LIKE's wildcards (%, _) are matched literally.
        _deletePrefix = Prepare("DELETE FROM records WHERE collection = $c AND substr(key, 1, length($k)) = $k", "$c", "$k");
    }

    /// <summary>The database file, for messages and tests.</summary>
    public string Path { get; }

    public bool IsDurable => true;

    public IReadOnlyList<DurableRecord> Load(string collection)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = _connection.CreateCommand();
            // BINARY collation orders UTF-8 bytes, which is code-point order: the ordinal order the contract promises.
            command.CommandText = "SELECT key, value FROM records WHERE collection = $c ORDER BY key";
            command.Parameters.AddWithValue("$c", collection);
            using var reader = command.ExecuteReader();
            var records = new List<DurableRecord>();
            while (reader.Read())
            {
                records.Add(new DurableRecord(reader.GetString(0), reader.GetString(1)));
            }
            return records;
        }
    }

    public void Write(IReadOnlyList<DurableChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = _connection.BeginTransaction();
            foreach (var change in changes)
            {
                var command = change switch
                {
                    DurableChange.Put => _put,
                    DurableChange.Delete => _delete,
                    DurableChange.DeletePrefix => _deletePrefix,
                    _ => throw new ArgumentException($"Unknown change {change.GetType().Name}.", nameof(changes)),
                };
                command.Transaction = transaction;
                command.Parameters[0].Value = change.Collection;
                command.Parameters[1].Value = change.Key;
                if (change is DurableChange.Put put)
                {
                    command.Parameters[2].Value = put.Value;
                }
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _put.Dispose();
            _delete.Dispose();
            _deletePrefix.Dispose();
            _connection.Dispose();
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = string.Empty });
        }
        command.Prepare();
        return command;
    }
}
