using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;
using LocalCloud.Lambda.Tests.Infrastructure;

namespace LocalCloud.Lambda.Tests;

/// <summary>
/// Packages built to hurt: a zip whose headers understate what it inflates to, absolute entry paths, and a package for
/// another runtime. Each is refused with AWS's error, and nothing is written outside the function's own folder.
/// </summary>
public sealed class BadPackageTests
{
    [Fact]
    public async Task CreateFunction_ZipBombWithLyingSizes_FailsTheFunctionWithoutFillingTheDisk()
    {
        await using var host = await TestHost.StartAsync();
        var api = new LambdaApi(host.Service);
        var name = LambdaFixture.UniqueName("bomb");
        var bomb = LyingZip("payload.bin", megabytes: 300);

        var response = await api.CreateAsync(new { FunctionName = name, Runtime = "nodejs20.x", Role = LambdaApi.Role, Handler = "index.handler", Code = new { ZipFile = bomb } });
        if (response.Status == 201)
        {
            await api.SettledAsync(name);
            var configuration = await api.ConfigurationAsync(name);
            Assert.Equal("Failed", configuration.GetProperty("State").GetString());
            Assert.Equal("InvalidZipFileException", configuration.GetProperty("StateReasonCode").GetString());
        }
        else
        {
            Assert.Equal(400, response.Status);
            Assert.Equal("InvalidParameterValueException", response.Headers["x-amzn-ErrorType"]);
        }

        var written = Directory.Exists(host.DataDirectory) ? Directory.EnumerateFiles(host.DataDirectory, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;
        Assert.True(written < 16 * 1024 * 1024, $"{written} bytes were written for a {bomb.Length}-byte zip.");
    }

    [Theory]
    [InlineData("/tmp/localcloud-absolute-entry.txt")]
    [InlineData("a/../../outside.txt")]
    public async Task CreateFunction_EntryOutsideTheTaskRoot_IsRefused(string entry)
    {
        await using var host = await TestHost.StartAsync();
        var api = new LambdaApi(host.Service);

        var response = await api.CreateAsync(new { FunctionName = LambdaFixture.UniqueName("slip"), Runtime = "python3.12", Role = LambdaApi.Role, Handler = "x.y", Code = new { ZipFile = Probes.ZipOf(new Dictionary<string, string> { [entry] = "x" }) } });

        Assert.Equal(400, response.Status);
        Assert.Equal("Could not unzip uploaded file. Please check your file, then try to upload again.", LambdaApi.Json(response).GetProperty("message").GetString());
        Assert.False(File.Exists("/tmp/localcloud-absolute-entry.txt"));
    }

    [Fact]
    public async Task Invoke_PackageForAnotherRuntime_AnswersThatRuntimesLoadError()
    {
        await using var host = await TestHost.StartAsync();
        var api = new LambdaApi(host.Service);
        var name = LambdaFixture.UniqueName("wrong-rt");
        // A Node.js package deployed as Python: AWS's Python runtime finds no module.
        await api.CreateFunctionAsync(name, "", Probes.Zip("node-cjs"), runtime: "python3.12", handler: "index.handler");

        var error = LambdaApi.Json(await api.InvokeAsync(name, "{}"));

        Assert.Equal("Runtime.ImportModuleError", error.GetProperty("errorType").GetString());
        Assert.Equal("Unable to import module 'index': No module named 'index'", error.GetProperty("errorMessage").GetString());
    }

    /// <summary>A deflated entry of <paramref name="megabytes"/> MB of zeros whose local and central headers claim 1 byte.</summary>
    private static byte[] LyingZip(string entryName, int megabytes)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = archive.CreateEntry(entryName, CompressionLevel.SmallestSize).Open();
            var block = new byte[1024 * 1024];
            for (var i = 0; i < megabytes; i++)
            {
                stream.Write(block);
            }
        }
        var zip = buffer.ToArray();
        for (var i = 0; i + 4 <= zip.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i));
            if (signature == 0x04034b50)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 22), 1);
            }
            else if (signature == 0x02014b50)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 24), 1);
            }
        }
        return zip;
    }
}
