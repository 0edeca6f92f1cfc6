using Microsoft.Extensions.Logging;

namespace LocalCloud.StepFunctions.Mocks;

/// <summary>
/// The mock configuration LocalCloud runs with (--mock-config / LOCALCLOUD_MOCK_CONFIG), and its reload: when the file
/// changes, the new content replaces the old if it is valid; a bad edit is logged and the previous configuration stays.
/// Executions already started keep the test case they started with.
/// </summary>
public sealed class MockConfigSource : IDisposable
{
    private readonly ILogger? _logger;
    private FileSystemWatcher? _watcher;
    private MockConfig _current;

    private MockConfigSource(string? path, MockConfig config, ILogger? logger)
    {
        Path = path;
        _current = config;
        _logger = logger;
    }

    /// <summary>No file: a test case in a StartExecution ARN is refused.</summary>
    public static MockConfigSource None { get; } = new(null, MockConfig.Empty, null);

    /// <summary>A configuration held in memory (tests).</summary>
    public static MockConfigSource Of(MockConfig config) => new(null, config, null);

    /// <summary>Reads <paramref name="path"/> now, throwing <see cref="MockConfigException"/> for a bad file.</summary>
    public static MockConfigSource Load(string path, ILogger? logger = null)
        => new(System.IO.Path.GetFullPath(path), MockConfigLoader.LoadFile(path), logger);

    public string? Path { get; }

    public MockConfig Current => Volatile.Read(ref _current);

    /// <summary>Reloads the file; false (and the old configuration kept) when it is now bad.</summary>
    public bool Reload()
    {
        if (Path is null)
        {
            return false;
        }
        try
        {
            Volatile.Write(ref _current, MockConfigLoader.LoadFile(Path));
            _logger?.LogInformation("Reloaded the mock configuration {Path}", Path);
            return true;
        }
        catch (MockConfigException e)
        {
            _logger?.LogWarning("The mock configuration was not reloaded, the previous one stays: {Reason}", e.Message);
            return false;
        }
    }

    /// <summary>Reloads whenever the file is written, created or renamed into place (editors often save that way).</summary>
    public void WatchForChanges()
    {
        if (Path is null || _watcher is not null)
        {
            return;
        }
        var watcher = new FileSystemWatcher(System.IO.Path.GetDirectoryName(Path)!, System.IO.Path.GetFileName(Path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size,
        };
        watcher.Changed += (_, _) => Reload();
        watcher.Created += (_, _) => Reload();
        watcher.Renamed += (_, _) => Reload();
        watcher.EnableRaisingEvents = true;
        _watcher = watcher;
    }

    public void Dispose() => _watcher?.Dispose();
}
