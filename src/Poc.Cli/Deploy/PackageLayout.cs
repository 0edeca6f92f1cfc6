namespace Poc.Cli.Deploy;

/// <summary>Where the function package's sources are and where its build goes, relative to the repository root.</summary>
public sealed record PackageLayout(string RepoRoot)
{
    /// <summary>The functions project folder.</summary>
    public string ProjectDir => Path.Combine(RepoRoot, "src", "JobOrchestration.Functions");

    /// <summary>The functions project file.</summary>
    public string ProjectFile => Path.Combine(ProjectDir, "JobOrchestration.Functions.csproj");

    /// <summary>dotnet publish output.</summary>
    public string PublishDir => Path.Combine(RepoRoot, "out", "package", "publish");

    /// <summary>The deployment package: the publish folder zipped flat.</summary>
    public string ZipPath => Path.Combine(RepoRoot, "out", "package", "functions.zip");

    /// <summary>Files at the root that change every build's output.</summary>
    public IEnumerable<string> RootBuildFiles => RootBuildFileNames.Select(name => Path.Combine(RepoRoot, name));

    private static readonly string[] RootBuildFileNames =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json"];
}
