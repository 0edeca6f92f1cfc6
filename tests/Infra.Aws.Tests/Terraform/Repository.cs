namespace Infra.Aws.Tests.Terraform;

internal static class Repository
{
    /// <summary>The folder holding CallbackPoc.slnx above the test's output.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CallbackPoc.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CallbackPoc.slnx not found above " + AppContext.BaseDirectory);
    }
}
