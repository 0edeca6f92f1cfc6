using System.IO.Compression;
using System.Security.Cryptography;
using LocalCloud.Lambda;

namespace LocalCloud.Lambda.Functions;

/// <summary>Checks an uploaded zip and unpacks it into its own folder, which becomes the worker's task root.</summary>
internal static class CodePackage
{
    /// <summary>AWS's limit on the unzipped deployment package (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).</summary>
    public const long MaxUnzippedBytes = 262_144_000;

    /// <summary>Checks, saves and unpacks at once (DryRun and callers that need the task root now).</summary>
    public static FunctionCode Store(byte[] zip, string functionDirectory)
    {
        var code = Save(zip, functionDirectory);
        try
        {
            Extract(code);
            return code;
        }
        catch
        {
            Delete(code);
            throw;
        }
    }

    /// <summary>
    /// Checks the zip (readable, unpacked size, no entry escaping the task root) and keeps it, without unpacking:
    /// a bad package is refused at once, while unpacking happens as the function leaves Pending.
    /// </summary>
    public static FunctionCode Save(byte[] zip, string functionDirectory)
    {
        using (var archive = OpenZip(zip))
        {
            long total = 0;
            var root = Path.GetFullPath(Path.Combine(functionDirectory, "check")) + Path.DirectorySeparatorChar;
            foreach (var entry in archive.Entries)
            {
                total += entry.Length;
                if (total > MaxUnzippedBytes)
                {
                    throw LambdaErrors.InvalidParameter($"Unzipped size must be smaller than {MaxUnzippedBytes} bytes");
                }
                if (!Path.GetFullPath(Path.Combine(root, entry.FullName)).StartsWith(root, StringComparison.Ordinal))
                {
                    // A "../" entry would write outside the task root (zip slip).
                    throw LambdaErrors.InvalidZip();
                }
            }
        }
        var sha = Convert.ToBase64String(SHA256.HashData(zip));
        var version = Path.Combine(functionDirectory, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(version);
        var zipPath = Path.Combine(version, "code.zip");
        File.WriteAllBytes(zipPath, zip);
        return new FunctionCode(zipPath, Path.Combine(version, "task"), zip.LongLength, sha);
    }

    /// <summary>Unpacks a saved zip into its task root; a package that fails half-way leaves no files behind.</summary>
    public static void Extract(FunctionCode code)
    {
        Directory.CreateDirectory(code.TaskRoot);
        try
        {
            using var archive = OpenZip(File.ReadAllBytes(code.ZipPath));
            ExtractAll(archive, code.TaskRoot);
        }
        catch
        {
            TryDelete(code.TaskRoot);
            throw;
        }
    }

    /// <summary>Removes a code version's folder (zip and task root); the version folder is the task root's parent.</summary>
    public static void Delete(FunctionCode code) => TryDelete(Path.GetDirectoryName(code.TaskRoot)!);

    private static ZipArchive OpenZip(byte[] zip)
    {
        try
        {
            return new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw LambdaErrors.InvalidZip();
        }
    }

    private static void ExtractAll(ZipArchive archive, string taskRoot)
    {
        var root = Path.GetFullPath(taskRoot) + Path.DirectorySeparatorChar;
        long total = 0;
        try
        {
            foreach (var entry in archive.Entries)
            {
                var target = Path.GetFullPath(Path.Combine(root, entry.FullName));
                if (!target.StartsWith(root, StringComparison.Ordinal))
                {
                    // A "../" entry would write outside the task root (zip slip).
                    throw LambdaErrors.InvalidZip();
                }
                if (entry.FullName.EndsWith('/'))
                {
                    Directory.CreateDirectory(target);
                    continue;
                }
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                total += CopyDeclared(entry, target);
                if (total > MaxUnzippedBytes)
                {
                    throw LambdaErrors.InvalidParameter($"Unzipped size must be smaller than {MaxUnzippedBytes} bytes");
                }
                KeepUnixMode(entry, target);
            }
        }
        catch (InvalidDataException)
        {
            throw LambdaErrors.InvalidZip();
        }
    }

    /// <summary>
    /// Writes the entry, refusing it as soon as it inflates beyond the size its headers declare (the size checks at
    /// upload trust those headers, so a zip bomb that understates them must not get further than its claim), and
    /// refusing it when what it held does not match its CRC-32 (headers that lie, or a damaged package).
    /// </summary>
    private static long CopyDeclared(ZipArchiveEntry entry, string target)
    {
        using var source = entry.Open();
        using var output = File.Create(target);
        var buffer = new byte[81920];
        long copied = 0;
        uint crc = 0;
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            copied += read;
            if (copied > entry.Length)
            {
                throw LambdaErrors.InvalidZip();
            }
            crc = Crc32.Append(crc, buffer.AsSpan(0, read));
            output.Write(buffer, 0, read);
        }
        if (copied != entry.Length || crc != entry.Crc32)
        {
            throw LambdaErrors.InvalidZip();
        }
        return copied;
    }

    private static void KeepUnixMode(ZipArchiveEntry entry, string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        // Zips made on Unix carry the file mode in the high 16 bits; keep execute bits (bootstrap needs them).
        var mode = (UnixFileMode)((entry.ExternalAttributes >> 16) & 0x1FF);
        if (mode != UnixFileMode.None)
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A worker may still hold a file open; the data directory is scratch space, so leaving it is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
