using System.IO.Compression;
using System.Text;

namespace LocalCloud.Tests.AwsCli;

/// <summary>
/// <c>--publish</c> on create-function and update-function-code, and a <c>$LATEST</c> qualifier on
/// get-function-configuration, through the real AWS CLI (#14).
/// </summary>
public sealed class AwsCliLambdaPublishTests(AwsCliFixture cli) : IClassFixture<AwsCliFixture>
{
    private const string Role = "arn:aws:iam::000000000000:role/r";

    [Fact]
    public async Task CreateAndUpdateWithPublish_PublishVersions_LatestQualifierAnswersTheQualifiedArn()
    {
        const string name = "cli-publish";
        var arn = $"arn:aws:lambda:us-east-1:000000000000:function:{name}";
        var first = WriteZip("# first");
        var second = WriteZip("# second");
        try
        {
            var created = await cli.OkAsync("lambda", "create-function", "--function-name", name, "--runtime", "provided.al2023", "--handler", "h",
                "--role", Role, "--zip-file", $"fileb://{first}", "--publish");
            await cli.OkAsync("lambda", "wait", "function-active-v2", "--function-name", name);
            var updated = await cli.OkAsync("lambda", "update-function-code", "--function-name", name, "--zip-file", $"fileb://{second}", "--publish");
            await cli.OkAsync("lambda", "wait", "function-updated-v2", "--function-name", name);
            var versions = await cli.OkAsync("lambda", "list-versions-by-function", "--function-name", name);
            var latest = await cli.OkAsync("lambda", "get-function-configuration", "--function-name", name, "--qualifier", "$LATEST");
            var two = await cli.OkAsync("lambda", "get-function-configuration", "--function-name", name, "--qualifier", "2");
            var outFile = Path.Combine(Path.GetTempPath(), $"cli-publish-out-{Guid.NewGuid():N}.json");
            var invoked = await cli.OkAsync("lambda", "invoke", "--function-name", $"{name}:1", "--payload", "{}", outFile);
            File.Delete(outFile);

            Assert.Equal("1", created.GetProperty("Version").GetString());
            Assert.Equal(arn, created.GetProperty("FunctionArn").GetString());
            Assert.Equal("2", updated.GetProperty("Version").GetString());
            Assert.Equal(arn + ":2", updated.GetProperty("FunctionArn").GetString());
            Assert.Equal(["$LATEST", "1", "2"], versions.GetProperty("Versions").EnumerateArray().Select(v => v.GetProperty("Version").GetString()));
            Assert.Equal(arn + ":$LATEST", latest.GetProperty("FunctionArn").GetString());
            Assert.Equal(latest.GetProperty("CodeSha256").GetString(), two.GetProperty("CodeSha256").GetString());
            Assert.Equal("1", invoked.GetProperty("ExecutedVersion").GetString());
        }
        finally
        {
            await cli.RunAsync("lambda", "delete-function", "--function-name", name);
            File.Delete(first);
            File.Delete(second);
        }
    }

    /// <summary>A provided.al2023 function (Python bootstrap) answering {}; <paramref name="comment"/> makes each zip's code differ.</summary>
    private static string WriteZip(string comment)
    {
        var bootstrap = """
            #!/usr/bin/env python3
            import os, urllib.request
            api = "http://" + os.environ["AWS_LAMBDA_RUNTIME_API"] + "/2018-06-01/runtime/invocation/"
            while True:
                with urllib.request.urlopen(api + "next") as r:
                    request_id = r.headers["Lambda-Runtime-Aws-Request-Id"]
                    r.read()
                urllib.request.urlopen(urllib.request.Request(api + request_id + "/response", data=b"{}", method="POST")).read()
            """ + "\n" + comment + "\n";
        var path = Path.Combine(Path.GetTempPath(), $"cli-publish-{Guid.NewGuid():N}.zip");
        File.WriteAllBytes(path, BootstrapZip.Of(bootstrap));
        return path;
    }
}
