using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Poc.Infra.Aws;

namespace Infra.Aws.Tests;

/// <summary>`cdk deploy -c queryLanguage=JSONata`: the same stack with the JSONata flavour of both workflows, verbatim.</summary>
public sealed class JsonataWorkflowsTests(PocStackFixture stack)
{
    [Theory]
    [InlineData("poc-callback-workflow", "callback.jsonata.asl.json")]
    [InlineData("poc-polling-baseline", "polling-baseline.jsonata.asl.json")]
    public void JsonataWorkflows_Definition_IsTheJsonataFileVerbatim(string name, string file)
    {
        _ = stack.Template; // skips, saying why, when Node.js is missing
        var work = Directory.CreateTempSubdirectory("poc-cdk-jsonata-").FullName;
        try
        {
            var package = Directory.CreateDirectory(Path.Combine(work, "publish")).FullName;
            File.WriteAllText(Path.Combine(package, "JobOrchestration.Functions.dll"), "stand-in for the published functions");
            var app = new App(new AppProps { Outdir = Path.Combine(work, "cdk.out") });
            var jsonata = new PocStack(app, "PocCallbackStack", new PocStackProps
            {
                FunctionsPackagePath = package,
                StateMachinesDirectory = stack.StateMachinesDirectory,
                JsonataWorkflows = true,
            });
            var json = JsonNode.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(Template.FromStack(jsonata).ToJSON()))!.AsObject();

            var machine = json["Resources"]!.AsObject().Select(r => r.Value!)
                .Single(r => r["Type"]!.GetValue<string>() == "AWS::StepFunctions::StateMachine" && r["Properties"]!["StateMachineName"]!.GetValue<string>() == name);
            Assert.Equal(File.ReadAllText(Path.Combine(stack.StateMachinesDirectory, file)), machine["Properties"]!["DefinitionString"]!.GetValue<string>());
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
