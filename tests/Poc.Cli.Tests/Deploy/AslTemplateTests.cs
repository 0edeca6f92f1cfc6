using System.Text.Json;
using Poc.Cli.Cli;
using Poc.Cli.Deploy;

namespace Poc.Cli.Tests.Deploy;

public sealed class AslTemplateTests
{
    private static readonly Dictionary<string, string> Arns = new()
    {
        [AslTemplate.CreateJobFunctionArn] = "arn:aws:lambda:us-east-1:000000000000:function:poc-create-job",
        [AslTemplate.SimulatedApiFunctionArn] = "arn:aws:lambda:us-east-1:000000000000:function:poc-simulated-api",
    };

    [Fact]
    public void Substitute_KnownPlaceholders_ReplacedWithArns()
    {
        const string template = """
            {"StartAt":"Create","States":{"Create":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
             "Parameters":{"FunctionName":"${CreateJobFunctionArn}","Payload":{"token.$":"$$.Task.Token","api":"${SimulatedApiFunctionArn}"}},"End":true}}}
            """;

        var result = AslTemplate.Substitute(template, Arns, "callback.asl.json");

        using var doc = JsonDocument.Parse(result);
        var parameters = doc.RootElement.GetProperty("States").GetProperty("Create").GetProperty("Parameters");
        Assert.Equal(Arns[AslTemplate.CreateJobFunctionArn], parameters.GetProperty("FunctionName").GetString());
        Assert.Equal(Arns[AslTemplate.SimulatedApiFunctionArn], parameters.GetProperty("Payload").GetProperty("api").GetString());
        Assert.Equal("$$.Task.Token", parameters.GetProperty("Payload").GetProperty("token.$").GetString());
        Assert.DoesNotContain("${", result, StringComparison.Ordinal);
    }

    [Fact]
    public void Substitute_UnknownPlaceholder_ClearErrorNamingFileAndPlaceholder()
    {
        const string template = """{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"${PollerFunctionArn}","End":true}}}""";

        var e = Assert.Throws<PocException>(() => AslTemplate.Substitute(template, Arns, "polling-baseline.asl.json"));

        Assert.Contains("polling-baseline.asl.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("${PollerFunctionArn}", e.Message, StringComparison.Ordinal);
        Assert.Contains("${CreateJobFunctionArn}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Substitute_JsonPathDollarSigns_LeftAlone()
    {
        const string template = """{"StartAt":"A","States":{"A":{"Type":"Pass","InputPath":"$.job","ResultPath":"$$.x","End":true}}}""";

        Assert.Equal(template, AslTemplate.Substitute(template, Arns, "x"));
    }

    [Fact]
    public void Substitute_ResultNotJson_ClearError()
    {
        var e = Assert.Throws<PocException>(() => AslTemplate.Substitute("""{"a": ${CreateJobFunctionArn}}""", Arns, "bad.asl.json"));

        Assert.Contains("bad.asl.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }
}
