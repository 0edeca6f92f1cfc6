using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>JSONata expressions get $states.input converted only when they can read it; anything that might, does.</summary>
public sealed class JsonataInputBindingTests
{
    [Theory]
    [InlineData("$states.input.a", true)]
    [InlineData("$states . input", true)]
    [InlineData("$keys($states)", true)]
    [InlineData("$lookup($states, 'in' & 'put')", true)]
    [InlineData("$states.*", true)]
    [InlineData("$states.`input`", true)]
    [InlineData("$states.context.Map.Item.Value", false)]
    [InlineData("$states.result.x + $states.errorOutput.y", false)]
    [InlineData("$count($x)", false)]
    public void MayReadInput_IsConservative(string text, bool mayRead)
        => Assert.Equal(mayRead, Asl.Jsonata.StepFunctionsJsonata.MayReadInput(text));

    [Fact]
    public async Task WholeStates_StillHasTheInput()
    {
        await using var sfn = new SfnHarness();
        var machine = await sfn.CreateAsync("""
            {"QueryLanguage":"JSONata","StartAt":"Keys","States":{
              "Keys":{"Type":"Pass","Output":{"keys":"{% $keys($states) %}","item":"{% $states.context.State.Name %}","n":"{% $states.input.n %}"},"End":true}}}
            """);

        var done = await sfn.FinishedAsync(await sfn.StartAsync(machine, """{"n":1}"""));

        Assert.True(done.Status == "SUCCEEDED", done.Cause);
        Assert.Equal("""{"keys":["input","context"],"item":"Keys","n":1}""", done.Output);
    }
}
