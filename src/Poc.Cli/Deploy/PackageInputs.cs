using System.Xml.Linq;

namespace Poc.Cli.Deploy;

/// <summary>The files a publish of the functions project reads: its folder, every project it references, and the root build files.</summary>
public static class PackageInputs
{
    /// <summary>Every input file that exists, skipping build output (bin/ and obj/).</summary>
    public static IReadOnlyList<string> Enumerate(PackageLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var files = new List<string>();
        foreach (var projectDir in ProjectClosure(layout.ProjectFile))
        {
            files.AddRange(SourceFiles(projectDir));
        }

        files.AddRange(layout.RootBuildFiles.Where(File.Exists));
        return files;
    }

    /// <summary>
    /// Why the package must be rebuilt, or null when the zip is newer than every input.
    /// Comparing modification times is what make does; it errs on the side of rebuilding.
    /// </summary>
    public static string? StaleReason(string zipPath, IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (!File.Exists(zipPath))
        {
            return "no package yet";
        }

        var zipTime = File.GetLastWriteTimeUtc(zipPath);
        var newest = inputs
            .Select(path => (path, time: File.GetLastWriteTimeUtc(path)))
            .OrderByDescending(x => x.time)
            .FirstOrDefault();
        return newest.path is not null && newest.time > zipTime
            ? $"{Path.GetFileName(newest.path)} changed"
            : null;
    }

    private static IEnumerable<string> ProjectClosure(string projectFile)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(projectFile)]);
        while (pending.Count > 0)
        {
            var project = pending.Pop();
            if (!seen.Add(project) || !File.Exists(project))
            {
                continue;
            }

            yield return Path.GetDirectoryName(project)!;
            foreach (var reference in ProjectReferences(project))
            {
                pending.Push(reference);
            }
        }
    }

    private static List<string> ProjectReferences(string projectFile)
    {
        var dir = Path.GetDirectoryName(projectFile)!;
        return XDocument.Load(projectFile)
            .Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => (string?)e.Attribute("Include"))
            .OfType<string>()
            .Select(include => Path.GetFullPath(Path.Combine(dir, include.Replace('\\', Path.DirectorySeparatorChar))))
            .ToList();
    }

    private static IEnumerable<string> SourceFiles(string projectDir)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true };
        var pending = new Stack<string>([projectDir]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(dir, "*", options))
            {
                yield return file;
            }

            foreach (var sub in Directory.EnumerateDirectories(dir, "*", options))
            {
                var name = Path.GetFileName(sub);
                if (name is not ("bin" or "obj") && !name.StartsWith('.'))
                {
                    pending.Push(sub);
                }
            }
        }
    }
}
