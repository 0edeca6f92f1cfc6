using System.IO.Compression;
using System.Text;

namespace LocalCloud.Tests.AwsCli;

/// <summary>A provided.al2023 deployment package holding one executable `bootstrap` script, so a test needs no build step.</summary>
internal static class BootstrapZip
{
    public static byte[] Of(string bootstrap)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = archive.CreateEntry("bootstrap");
            // Unix mode 0755 (a regular file) in the high 16 bits, as zip tools record it, so the bootstrap is executable.
            entry.ExternalAttributes = Convert.ToInt32("100755", 8) << 16;
            using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
            writer.Write(bootstrap.Replace("\r\n", "\n", StringComparison.Ordinal));
        }
        return buffer.ToArray();
    }
}
