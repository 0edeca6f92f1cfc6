using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Poc.Infra.Aws;

namespace Infra.Aws.Tests;

// Synthesises PocStack once against the repository's real ASL files and a stand-in function package
// (a folder with one file), so the tests need neither `dotnet publish` nor AWS. The CDK runs its constructs in
// Node.js through jsii: without `node` on PATH every test skips, saying so, instead of failing in the fixture.
public sealed class PocStackFixture : IDisposable
{
    private readonly string workDirectory = Directory.CreateTempSubdirectory("poc-cdk-test-").FullName;
    private readonly Template? template;
    private readonly TemplateJson? json;

    public PocStackFixture()
    {
        StateMachinesDirectory = Path.Combine(RepositoryRoot(), "infra", "statemachines");
        if (!NodeIsOnPath())
        {
            return;
        }

        var package = Directory.CreateDirectory(Path.Combine(workDirectory, "publish")).FullName;
        File.WriteAllText(Path.Combine(package, "JobOrchestration.Functions.dll"), "stand-in for the published functions");
        var app = new App(new AppProps { Outdir = Path.Combine(workDirectory, "cdk.out") });
        var stack = new PocStack(app, "PocCallbackStack", new PocStackProps
        {
            FunctionsPackagePath = package,
            StateMachinesDirectory = StateMachinesDirectory,
        });
        template = Template.FromStack(stack);
        // ToJSON hands back jsii's Newtonsoft objects; one round trip through text gives plain JsonNodes to query.
        json = new TemplateJson(JsonNode.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(template.ToJSON()))!.AsObject());
    }

    public Template Template => template ?? throw NodeMissing();

    public TemplateJson Json => json ?? throw NodeMissing();

    public string StateMachinesDirectory { get; }

    public void Dispose() => Directory.Delete(workDirectory, recursive: true);

    private static InvalidOperationException NodeMissing()
    {
        Assert.Skip("Node.js (node) is not on PATH: the AWS CDK synthesises the stack in Node.js through jsii.");
        return new InvalidOperationException("unreachable: Assert.Skip throws");
    }

    private static bool NodeIsOnPath() =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, OperatingSystem.IsWindows() ? "node.exe" : "node")));

    private static string RepositoryRoot()
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
