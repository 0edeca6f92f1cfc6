using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Mocks;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>The Step Functions Local mock configuration file: AWS's own example loads, and every bad file is refused with its line and reason.</summary>
public sealed class MockConfigLoaderTests
{
    /// <summary>The example of https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-mock-cfg-file.html.</summary>
    public const string AwsExample = """
        {
          "StateMachines":{
            "LambdaSQSIntegration":{
              "TestCases":{
                "HappyPath":{ "LambdaState":"MockedLambdaSuccess", "SQSState":"MockedSQSSuccess" },
                "RetryPath":{ "LambdaState":"MockedLambdaRetry", "SQSState":"MockedSQSSuccess" },
                "HybridPath":{ "LambdaState":"MockedLambdaSuccess" }
              }
            }
          },
          "MockedResponses":{
            "MockedLambdaSuccess":{ "0":{ "Return":{ "StatusCode":200, "Payload":{ "StatusCode":200, "body":"Hello from Lambda!" } } } },
            "LambdaMockedResourceNotReady":{ "0":{ "Throw":{ "Error":"Lambda.ResourceNotReadyException", "Cause":"Lambda resource is not ready." } } },
            "MockedSQSSuccess":{ "0":{ "Return":{ "MD5OfMessageBody":"3bcb6e8e-7h85-4375-b0bc-1a59812c6e51", "MessageId":"3bcb6e8e-8b51-4375-b0bc-1a59812c6e51" } } },
            "MockedLambdaRetry":{
              "0":{ "Throw":{ "Error":"Lambda.ResourceNotReadyException", "Cause":"Lambda resource is not ready." } },
              "1-2":{ "Throw":{ "Error":"Lambda.TimeoutException", "Cause":"Lambda timed out." } },
              "3":{ "Return":{ "StatusCode":200, "Payload":{ "StatusCode":200, "body":"Hello from Lambda!" } } }
            }
          }
        }
        """;

    [Fact]
    public void AwsExample_Loads_TestCasesStatesAndRanges()
    {
        var config = MockConfigLoader.Parse(AwsExample);

        Assert.Equal(["HappyPath", "RetryPath", "HybridPath"], config.StateMachines["LambdaSQSIntegration"].Keys);
        var retry = config.Find("LambdaSQSIntegration", "RetryPath")!.States["LambdaState"];
        Assert.Equal("Lambda.ResourceNotReadyException", retry.At(0)!.Throw!.Error);
        Assert.Equal("Lambda.TimeoutException", retry.At(1)!.Throw!.Error);
        Assert.Equal("Lambda timed out.", retry.At(2)!.Throw!.Cause);
        Assert.Equal(200, retry.At(3)!.Return!["StatusCode"]!.GetValue<int>());
        Assert.Null(retry.At(4));
        Assert.Single(config.Find("LambdaSQSIntegration", "HybridPath")!.States);
        Assert.Null(config.Find("LambdaSQSIntegration", "Nope"));
        Assert.Null(config.Find("Other", "HappyPath"));
    }

    [Fact]
    public void Return_MayBeAnyJsonValue()
    {
        var config = MockConfigLoader.Parse("""
            {"StateMachines":{"M":{"TestCases":{"T":{"A":"R"}}}},
             "MockedResponses":{"R":{"0":{"Return":"text"},"1":{"Return":[1,2]},"2":{"Return":null}}}}
            """);
        var r = config.Find("M", "T")!.States["A"];
        Assert.Equal("text", r.At(0)!.Return!.GetValue<string>());
        Assert.IsType<JsonArray>(r.At(1)!.Return);
        Assert.Equal("null", Engine.Events.Json(r.At(2)!.Return));
    }

    [Theory]
    [InlineData("{\n  \"StateMachines\": {,\n}", 2, "not valid JSON")]
    [InlineData("[]", 1, "is a JSON object with the fields StateMachines and MockedResponses")]
    [InlineData("{\n\"StateMachines\":{},\n\"MockedResponses\":{},\n\"MockedResponse\":{}\n}", 4, "unknown field 'MockedResponse'")]
    [InlineData("{\n\"MockedResponses\":{}\n}", 1, "has no StateMachines object")]
    [InlineData("{\n\"StateMachines\":{}\n}", 1, "has no MockedResponses object")]
    [InlineData("{\n\"StateMachines\":[],\n\"MockedResponses\":{}\n}", 2, "'StateMachines' must be a JSON object")]
    [InlineData("{\"MockedResponses\":{},\n\"StateMachines\":{\n\"M\":{\n\"Cases\":{}}}}", 4, "unknown field 'Cases' in state machine 'M'")]
    [InlineData("{\"MockedResponses\":{},\n\"StateMachines\":{\n\"M\":{}}}", 3, "'StateMachines.M' has no TestCases object")]
    [InlineData("{\"MockedResponses\":{},\n\"StateMachines\":{\n\"M\":\"x\"}}", 3, "state machine 'M' must be an object")]
    [InlineData("{\"MockedResponses\":{},\n\"StateMachines\":{\"M\":{\"TestCases\":{\n\"T\":[]}}}}", 3, "test case 'T' must be an object")]
    [InlineData("{\"MockedResponses\":{},\n\"StateMachines\":{\"M\":{\"TestCases\":{\"T\":{\n\"A\":1}}}}}", 3, "state 'A' of test case 'T' must name a mocked response")]
    [InlineData("{\"MockedResponses\":{},\n\"StateMachines\":{\"M\":{\"TestCases\":{\"T\":{\n\n\"A\":\"Missing\"}}}}}", 4, "uses the mocked response 'Missing', which MockedResponses does not define")]
    [InlineData("{\"StateMachines\":{},\n\"MockedResponses\":{\n\"R\":[]}}", 3, "mocked response 'R' must be an object")]
    [InlineData("{\"StateMachines\":{},\n\"MockedResponses\":{\"R\":{\n\"first\":{\"Return\":1}}}}", 3, "invocation index 'first' of mocked response 'R' is neither a number")]
    [InlineData("{\"StateMachines\":{},\n\"MockedResponses\":{\"R\":{\n\"-1\":{\"Return\":1}}}}", 3, "invocation index '-1'")]
    [InlineData("{\"StateMachines\":{},\n\"MockedResponses\":{\"R\":{\n\"3-1\":{\"Return\":1}}}}", 3, "invocation range '3-1' of mocked response 'R' ends before it starts")]
    [InlineData("{\"StateMachines\":{},\n\"MockedResponses\":{\"R\":{\"0-2\":{\"Return\":1},\n\"2\":{\"Return\":2}}}}", 3, "invocation 2 of mocked response 'R' is answered twice")]
    [InlineData("{\"StateMachines\":{},\n\"MockedResponses\":{\"R\":{\n\"0\":{}}}}", 3, "must hold exactly one field, Return or Throw")]
    [InlineData("{\"StateMachines\":{},\n\"MockedResponses\":{\"R\":{\n\"0\":{\"Return\":1,\"Throw\":{}}}}}", 3, "must hold exactly one field, Return or Throw")]
    [InlineData("{\"StateMachines\":{},\n\"MockedResponses\":{\"R\":{\n\"0\":{\"Returns\":1}}}}", 3, "must hold exactly one field, Return or Throw")]
    [InlineData("{\"StateMachines\":{},\n\"MockedResponses\":{\"R\":{\"0\":{\n\"Throw\":\"boom\"}}}}", 3, "Throw of mocked response 'R' must be an object")]
    [InlineData("{\"StateMachines\":{},\n\"MockedResponses\":{\"R\":{\"0\":{\"Throw\":{\n\"Error\":\"E\"}}}}}", 2, "must have Cause as a string")]
    [InlineData("{\"StateMachines\":{},\n\"MockedResponses\":{\"R\":{\"0\":{\"Throw\":{\"Cause\":\"c\",\n\"Error\":5}}}}}", 3, "must have Error as a string")]
    [InlineData("{\"StateMachines\":{},\n\"MockedResponses\":{\"R\":{\"0\":{\"Throw\":{\"Error\":\"E\",\"Cause\":\"c\",\n\"Code\":1}}}}}", 3, "unknown field 'Code' in Throw")]
    [InlineData("{\"StateMachines\":{},\n\"MockedResponses\":{},\n\"MockedResponses\":{}}", 3, "the field 'MockedResponses' appears twice")]
    public void BadFile_RefusedWithLineAndReason(string json, int line, string reason)
    {
        var e = Assert.Throws<MockConfigException>(() => MockConfigLoader.Parse(json, "mocks.json"));

        Assert.Equal(line, e.Line);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"mocks.json, line {line}: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_RefusedNamingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.json");

        var e = Assert.Throws<MockConfigException>(() => MockConfigLoader.LoadFile(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be read", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_KeepsTheOldConfigurationWhenTheNewFileIsBad()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mocks-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, AwsExample);
        try
        {
            using var source = MockConfigSource.Load(path);
            File.WriteAllText(path, """{"StateMachines":{"Other":{"TestCases":{"T":{}}}},"MockedResponses":{}}""");
            Assert.True(source.Reload());
            Assert.NotNull(source.Current.Find("Other", "T"));

            File.WriteAllText(path, "{ broken");
            Assert.False(source.Reload());
            Assert.NotNull(source.Current.Find("Other", "T"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
