using Poc.Cli.Deploy;

namespace Poc.Cli.Tests.Deploy;

public sealed class PackageInputsTests : IDisposable
{
    private static readonly DateTime T0 = new(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly string root = Directory.CreateTempSubdirectory("poc-package-").FullName;
    private readonly PackageLayout layout;

    public PackageInputsTests()
    {
        layout = new PackageLayout(root);
        Write("src/JobOrchestration.Functions/JobOrchestration.Functions.csproj",
            """<Project><ItemGroup><ProjectReference Include="..\Aws.Clients\Aws.Clients.csproj" /></ItemGroup></Project>""");
        Write("src/JobOrchestration.Functions/PollerFunction.cs", "class P {}");
        Write("src/JobOrchestration.Functions/bin/Release/old.dll", "x");
        Write("src/JobOrchestration.Functions/obj/project.assets.json", "{}");
        Write("src/Aws.Clients/Aws.Clients.csproj", "<Project />");
        Write("src/Aws.Clients/Signing/SigV4Signer.cs", "class S {}");
        Write("src/Unrelated/Other.cs", "class O {}");
        Write("Directory.Packages.props", "<Project />");
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Write(string relative, string text, DateTime? time = null)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, time ?? T0);
        return path;
    }

    private string Relative(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    [Fact]
    public void Enumerate_FollowsProjectReferencesAndSkipsBuildOutput()
    {
        var inputs = PackageInputs.Enumerate(layout).Select(Relative).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(
            [
                "Directory.Packages.props",
                "src/Aws.Clients/Aws.Clients.csproj",
                "src/Aws.Clients/Signing/SigV4Signer.cs",
                "src/JobOrchestration.Functions/JobOrchestration.Functions.csproj",
                "src/JobOrchestration.Functions/PollerFunction.cs",
            ],
            inputs);
    }

    [Fact]
    public void StaleReason_NoZip_Stale()
    {
        Assert.Equal("no package yet", PackageInputs.StaleReason(layout.ZipPath, PackageInputs.Enumerate(layout)));
    }

    [Fact]
    public void StaleReason_ZipNewerThanEverySource_UpToDate()
    {
        Write("out/package/functions.zip", "zip", T0.AddMinutes(1));

        Assert.Null(PackageInputs.StaleReason(layout.ZipPath, PackageInputs.Enumerate(layout)));
    }

    [Fact]
    public void StaleReason_ReferencedProjectChangedAfterZip_StaleNamingTheFile()
    {
        Write("out/package/functions.zip", "zip", T0.AddMinutes(1));
        Write("src/Aws.Clients/Signing/SigV4Signer.cs", "class S { }", T0.AddMinutes(2));

        Assert.Equal("SigV4Signer.cs changed", PackageInputs.StaleReason(layout.ZipPath, PackageInputs.Enumerate(layout)));
    }

    [Fact]
    public void StaleReason_OnlyBuildOutputOrUnrelatedProjectChanged_UpToDate()
    {
        Write("out/package/functions.zip", "zip", T0.AddMinutes(1));
        Write("src/JobOrchestration.Functions/obj/project.assets.json", "{ }", T0.AddMinutes(2));
        Write("src/Unrelated/Other.cs", "class O { }", T0.AddMinutes(2));

        Assert.Null(PackageInputs.StaleReason(layout.ZipPath, PackageInputs.Enumerate(layout)));
    }

    [Fact]
    public void StaleReason_RootBuildFileChanged_Stale()
    {
        Write("out/package/functions.zip", "zip", T0.AddMinutes(1));
        Write("Directory.Packages.props", "<Project></Project>", T0.AddMinutes(3));

        Assert.Equal("Directory.Packages.props changed", PackageInputs.StaleReason(layout.ZipPath, PackageInputs.Enumerate(layout)));
    }
}
