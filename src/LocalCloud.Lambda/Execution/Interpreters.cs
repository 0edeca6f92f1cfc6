using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Execution;

/// <summary>
/// Finds the machine's node or python3 for a function's runtime, once per executable. The version need not match
/// the runtime's (a nodejs22.x function runs on whatever Node.js is installed), but it must be one LocalCloud's
/// runtime client supports; otherwise the function still exists and its invocations fail with a message saying what
/// to install. python3.N prefers a "python3.N" on PATH when there is one. Workers start the interpreter's own binary
/// as it reports it (process.execPath, sys.executable), not the name on PATH: version-manager shims (pyenv, nvm's
/// wrappers) are scripts that cost hundreds of milliseconds on every cold start.
/// </summary>
internal sealed partial class Interpreters(LambdaOptions options)
{
    public static readonly Version MinimumNode = new(18, 0);
    public static readonly Version MinimumPython = new(3, 9);

    private const string NodeProbe = "process.stdout.write(process.versions.node.split('.').slice(0, 2).join(' ') + ' ' + process.execPath)";
    private const string PythonProbe = "import sys; sys.stdout.write('%d %d %s' % (sys.version_info[0], sys.version_info[1], sys.executable))";

    private readonly ConcurrentDictionary<string, Lazy<(Version Version, string Path)?>> _found = new(StringComparer.Ordinal);

    /// <summary>The executable to start, or the reason there is none (worded for the Invoke error).</summary>
    public (string? Executable, string? Problem) Resolve(RuntimeKind kind, string runtime)
    {
        if (kind == RuntimeKind.Node)
        {
            var node = options.NodeExecutable;
            return Check(node, Find(node, "-e", NodeProbe), MinimumNode, runtime, "Node.js", "https://nodejs.org", nameof(LambdaOptions.NodeExecutable));
        }
        if (options.PythonExecutable == LambdaOptions.DefaultPython && runtime.StartsWith("python", StringComparison.Ordinal)
            && Find(runtime, "-c", PythonProbe) is { } exact && exact.Version >= MinimumPython)
        {
            return (exact.Path, null);
        }
        var python = options.PythonExecutable;
        return Check(python, Find(python, "-c", PythonProbe), MinimumPython, runtime, "Python", "https://www.python.org/downloads/", nameof(LambdaOptions.PythonExecutable));
    }

    private static (string?, string?) Check(string executable, (Version Version, string Path)? interpreter, Version minimum, string runtime, string language, string where, string option)
    {
        var found = interpreter?.Version;
        if (found is null)
        {
            return (null, $"LocalCloud runs {runtime} functions with the {language} installed on this machine, and '{executable}' was not found on PATH. Install {language} {minimum.Major}.{minimum.Minor} or newer ({where}), or set LambdaOptions.{option}.");
        }
        if (found < minimum)
        {
            return (null, $"LocalCloud runs {runtime} functions with the {language} installed on this machine, and '{executable}' is {language} {found}, older than the {minimum.Major}.{minimum.Minor} LocalCloud's runtime client needs. Install {language} {minimum.Major}.{minimum.Minor} or newer ({where}), or set LambdaOptions.{option}.");
        }
        return (interpreter!.Value.Path, null);
    }

    private (Version Version, string Path)? Find(string executable, string flag, string probe)
        => _found.GetOrAdd(executable, e => new(() => Probe(e, flag, probe))).Value;

    /// <summary>Runs the interpreter once: "major minor /real/path/of/the/binary", or null when it cannot run.</summary>
    private static (Version, string)? Probe(string executable, string flag, string probe)
    {
        try
        {
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(flag);
            start.ArgumentList.Add(probe);
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }
            var stderr = process.StandardError.ReadToEndAsync();
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            _ = stderr.Result;
            var match = ProbeAnswer().Match(text);
            if (process.ExitCode != 0 || !match.Success)
            {
                return null;
            }
            var version = new Version(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
            var path = match.Groups[3].Value.Trim();
            return (version, File.Exists(path) ? path : executable);
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^(\d+) (\d+) (.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex ProbeAnswer();
}
