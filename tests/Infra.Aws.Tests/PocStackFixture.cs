using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Poc.Infra.Aws;

namespace Infra.Aws.Tests;

// Synthesises PocStack once against the repository's real ASL files and a stand-in function package
// (a folder with one file), so the tests need neither `dotnet publish` nor AWS.
public sealed class PocStackFixture : IDisposable
{
    private readonly string workDirectory = Directory.CreateTempSubdirectory("poc-cdk-test-").FullName;

    public PocStackFixture()
    {
        var package = Directory.CreateDirectory(Path.Combine(workDirectory, "publish")).FullName;
        File.WriteAllText(Path.Combine(package, "JobOrchestration.Functions.dll"), "stand-in for the published functions");
        StateMachinesDirectory = Path.Combine(RepositoryRoot(), "infra", "statemachines");

        var app = new App(new AppProps { Outdir = Path.Combine(workDirectory, "cdk.out") });
        var stack = new PocStack(app, "PocCallbackStack", new PocStackProps
        {
            FunctionsPackagePath = package,
            StateMachinesDirectory = StateMachinesDirectory,
        });
        Template = Template.FromStack(stack);
        // ToJSON hands back jsii's Newtonsoft objects; one round trip through text gives plain JsonNodes to query.
        Json = new TemplateJson(JsonNode.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(Template.ToJSON()))!.AsObject());
    }

    public Template Template { get; }

    public TemplateJson Json { get; }

    public string StateMachinesDirectory { get; }

    public void Dispose() => Directory.Delete(workDirectory, recursive: true);

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
