using Poc.Cli.Deploy;

namespace Poc.Cli.Tests.Deploy;

/// <summary>
/// Two poc processes (or test assemblies run side by side) share out/package: a build waits while another holds the
/// package's lock, instead of deleting the folder the other is publishing into.
/// </summary>
public sealed class PackageBuilderLockTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("poc-package-lock-").FullName;
    private readonly PackageLayout layout;

    public PackageBuilderLockTests()
    {
        layout = new PackageLayout(root);
        var old = new DateTime(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        Write(layout.ProjectFile, "<Project />", old);
        Write(Path.Combine(layout.ProjectDir, "PollerFunction.cs"), "class P {}", old);
        Write(layout.ZipPath, "zip", old.AddMinutes(1)); // newer than its sources: no publish needed
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static void Write(string path, string text, DateTime time)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, time);
    }

    [Fact]
    public async Task Build_WhileAnotherHoldsTheLock_WaitsForItThenReusesThePackage()
    {
        var ct = TestContext.Current.CancellationToken;
        var held = new FileStream(Path.Combine(Path.GetDirectoryName(layout.ZipPath)!, ".build.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var build = PackageBuilder.BuildAsync(layout, progress: null, ct);
        // Completion is observed, not timed: the build cannot finish while the lock is held, whatever the machine's speed.
        var finishedWhileHeld = await Task.WhenAny(build, Task.Delay(TimeSpan.FromSeconds(1), ct)) == build;
        await held.DisposeAsync();
        var package = await build.WaitAsync(TimeSpan.FromSeconds(30), ct);

        Assert.False(finishedWhileHeld, "the build went ahead while another held the package lock");
        Assert.False(package.Rebuilt);
        Assert.Equal(3, package.SizeBytes);
    }
}
