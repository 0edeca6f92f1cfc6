namespace Aws.SigV4.Tests.Support;

/// <summary>Finds shared data relative to the repository root (the folder holding CallbackPoc.slnx).</summary>
internal static class TestPaths
{
    public static string SigV4TestSuite()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SIGV4_TEST_SUITE");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CallbackPoc.slnx")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "sigv4-test-suite"));
            }
        }

        return Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "sigv4-test-suite-not-located"));
    }
}
