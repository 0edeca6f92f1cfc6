using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace LocalCloud.HostileInput.Tests.Security;

/// <summary>
/// Under --require-auth a Lambda worker still reaches LocalCloud: the runtime API is unsigned, and the calls the
/// function makes back (here: the AWS CLI inside the function) are signed with the credentials LocalCloud minted.
/// </summary>
public sealed class WorkerCallbackAuthTests(AuthFixture auth) : IClassFixture<AuthFixture>
{
    [Fact]
    public async Task Worker_CallsBackWithMintedCredentials_IsAccepted()
    {
        if (AwsCli.Executable is null)
        {
            Assert.Skip("The AWS CLI (aws) is not on PATH.");
        }
        var ct = TestContext.Current.CancellationToken;
        var zip = Path.Combine(Path.GetTempPath(), $"auth-fn-{Guid.NewGuid():N}.zip");
        var outFile = Path.Combine(Path.GetTempPath(), $"auth-out-{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(zip, BootstrapZip(), ct);
        try
        {
            await OkAsync("lambda", "create-function", "--function-name", "auth-callback", "--runtime", "provided.al2023", "--handler", "x",
                "--role", "arn:aws:iam::000000000000:role/r", "--zip-file", $"fileb://{zip}", "--timeout", "120",
                "--environment", JsonSerializer.Serialize(new { Variables = new { CLI = AwsCli.Executable } }));
            await OkAsync("lambda", "wait", "function-active-v2", "--function-name", "auth-callback");
            await OkAsync("lambda", "invoke", "--function-name", "auth-callback", "--payload", "{}", outFile);
            // A Python CLI start inside the function can take seconds on a busy machine: hence the long function timeout.
            var output = await File.ReadAllTextAsync(outFile, ct);
            using var result = JsonDocument.Parse(output);
            Assert.True(result.RootElement.TryGetProperty("exit", out _), "the function failed: " + output);

            Assert.True(result.RootElement.GetProperty("exit").GetInt32() == 0, "the function's own signed call was refused: " + result.RootElement.GetProperty("err").GetString());
            Assert.Contains("TableNames", result.RootElement.GetProperty("out").GetString()!, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(zip);
            File.Delete(outFile);
        }
    }

    private async Task OkAsync(params string[] args)
    {
        var (exit, _, error) = await AwsCli.RunAsync(auth.Cloud.Endpoint, AuthFixture.AccessKey, AuthFixture.Secret, args);
        Assert.True(exit == 0, $"aws {string.Join(' ', args)} exited {exit}: {error}");
    }

    /// <summary>A provided.al2023 bootstrap in Python: each invocation runs `aws dynamodb list-tables` with the worker's own environment.</summary>
    private static byte[] BootstrapZip()
    {
        const string bootstrap = """
            #!/usr/bin/env python3
            import json, os, subprocess, urllib.request
            api = "http://" + os.environ["AWS_LAMBDA_RUNTIME_API"] + "/2018-06-01/runtime/invocation/"
            while True:
                with urllib.request.urlopen(api + "next") as r:
                    request_id = r.headers["Lambda-Runtime-Aws-Request-Id"]
                    r.read()
                env = dict(os.environ, AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null", AWS_MAX_ATTEMPTS="1")
                p = subprocess.run([os.environ["CLI"], "dynamodb", "list-tables", "--output", "json"], capture_output=True, text=True, env=env)
                body = json.dumps({"exit": p.returncode, "out": p.stdout, "err": p.stderr}).encode()
                urllib.request.urlopen(urllib.request.Request(api + request_id + "/response", data=body, method="POST")).read()
            """;
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = archive.CreateEntry("bootstrap");
            // Unix mode 0755 in the high 16 bits, as zip tools record it, so the bootstrap is executable.
            entry.ExternalAttributes = Convert.ToInt32("100755", 8) << 16;
            using var stream = entry.Open();
            stream.Write(Encoding.UTF8.GetBytes(bootstrap.Replace("\r\n", "\n", StringComparison.Ordinal)));
        }
        return buffer.ToArray();
    }
}
