namespace LocalCloud.Lambda.Tests;

/// <summary>
/// Each Lambda service keeps its code in a scratch folder of its own. When the folder was one per process, disposing
/// one LocalCloud deleted the code of every other in the process (parallel test classes), and a cold start then
/// answered Runtime.InvalidEntrypoint: the flake long blamed on load.
/// </summary>
public sealed class ScratchDirectoryTests
{
    [Fact]
    public async Task DisposingOneService_LeavesAnotherServicesCodeInPlace()
    {
        var first = new LambdaOptions();
        var second = new LambdaOptions();
        Directory.CreateDirectory(Path.Combine(second.DataDirectory, "code"));
        var kept = Path.Combine(second.DataDirectory, "code", "bootstrap");
        await File.WriteAllTextAsync(kept, "#!/bin/sh\n", TestContext.Current.CancellationToken);
        try
        {
            Assert.NotEqual(first.DataDirectory, second.DataDirectory);
            Assert.StartsWith(Path.GetTempPath(), first.DataDirectory, StringComparison.Ordinal);

            await using (new LambdaService(first, TimeProvider.System, new LocalCloud.Core.Usage.UsageMeter()))
            {
                Directory.CreateDirectory(first.DataDirectory);
            }

            Assert.False(Directory.Exists(first.DataDirectory), "a service's own scratch folder goes with it");
            Assert.True(File.Exists(kept), "another service's code must survive the first one's disposal");
        }
        finally
        {
            Directory.Delete(second.DataDirectory, recursive: true);
        }
    }
}
