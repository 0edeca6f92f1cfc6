using System.IO.Compression;
using System.Reflection;

namespace LocalCloud.Lambda.Tests.Infrastructure;

/// <summary>The probe function in each language (Functions/ and StandardFunction.Probe), as runtime, handler and zip.</summary>
public static class Probes
{
    /// <summary>The probes by key: dotnet, node-cjs, node-esm, node-callback, python.</summary>
    public static readonly string[] Keys = ["dotnet", "node-cjs", "node-esm", "node-callback", "python"];

    public static (string Runtime, string Handler, byte[] Zip) Get(string key, LambdaFixture fixture) => key switch
    {
        "dotnet" => ("dotnet8", "StandardFunction::StandardFunction.Probe::Handle", fixture.StandardZip),
        "node-cjs" => ("nodejs20.x", "index.handler", Zip("node-cjs")),
        "node-esm" => ("nodejs22.x", "index.handler", Zip("node-esm")),
        "node-callback" => ("nodejs20.x", "app.handler", Zip("node-callback")),
        "python" => ("python3.12", "lambda_function.lambda_handler", Zip("python")),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "No such probe."),
    };

    /// <summary>A zip of Functions/<paramref name="folder"/>, as `zip -r` of the function's folder would make it.</summary>
    public static byte[] Zip(string folder)
    {
        var root = typeof(Probes).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ProbeFunctions").Value!;
        using var buffer = new MemoryStream();
        ZipFile.CreateFromDirectory(Path.Combine(root, folder), buffer);
        return buffer.ToArray();
    }

    /// <summary>A zip holding exactly these files (path → text).</summary>
    public static byte[] ZipOf(IReadOnlyDictionary<string, string> files)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, text) in files)
            {
                using var writer = new StreamWriter(archive.CreateEntry(path).Open());
                writer.Write(text);
            }
        }
        return buffer.ToArray();
    }
}
