using Poc.Cli.Cli;

namespace Poc.Cli.Endpoints;

/// <summary>Finds the repository (the folder holding CallbackPoc.slnx), which deploy reads its sources from.</summary>
public static class RepoRoot
{
    /// <summary>The marker file at the repository root.</summary>
    public const string MarkerFile = "CallbackPoc.slnx";

    /// <summary>Walks up from the working directory, then from poc's own folder; throws a clear error when neither is inside the repository.</summary>
    public static string Find()
        => TryFindFrom(Directory.GetCurrentDirectory())
           ?? TryFindFrom(AppContext.BaseDirectory)
           ?? throw new PocException(Messages.RepoRootNotFound(Directory.GetCurrentDirectory()));

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds the marker, or null.</summary>
    public static string? TryFindFrom(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, MarkerFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
