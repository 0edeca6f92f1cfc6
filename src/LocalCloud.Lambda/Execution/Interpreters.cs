using System.Collections.Concurrent;
using System.Diagnostics;
using System.ComponentModel;
using System.Text.RegularExpressions;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Execution;

/// <summary>
/// Finds the machine's node or python3 for a function's runtime, once per executable. The version need not match
/// the runtime's (a nodejs22.x function runs on whatever Node.js is installed), but it must be one LocalCloud's
/// runtime client supports; otherwise the function still exists and its invocations fail with a message saying what
/// to install. python3.N prefers a "python3.N" on PATH when there is one.
/// </summary>
internal sealed partial class Interpreters(LambdaOptions options)
{
    public static readonly Version MinimumNode = new(18, 0);
    public static readonly Version MinimumPython = new(3, 9);

    private readonly ConcurrentDictionary<string, Lazy<Version?>> _versions = new(StringComparer.Ordinal);

    /// <summary>The executable to start, or the reason there is none (worded for the Invoke error).</summary>
    public (string? Executable, string? Problem) Resolve(RuntimeKind kind, string runtime)
    {
        if (kind == RuntimeKind.Node)
        {
            var node = options.NodeExecutable;
            return Check(node, Version(node, NodeVersion()), MinimumNode, runtime, "Node.js", "https://nodejs.org", nameof(LambdaOptions.NodeExecutable));
        }
        var preferred = runtime.StartsWith("python", StringComparison.Ordinal) ? runtime : null;
        if (options.PythonExecutable == LambdaOptions.DefaultPython && preferred is not null && Version(preferred, PythonVersion()) is not null)
        {
            return (preferred, null);
        }
        var python = options.PythonExecutable;
        return Check(python, Version(python, PythonVersion()), MinimumPython, runtime, "Python", "https://www.python.org/downloads/", nameof(LambdaOptions.PythonExecutable));
    }

    private static (string?, string?) Check(string executable, Version? found, Version minimum, string runtime, string language, string where, string option)
    {
        if (found is null)
        {
            return (null, $"LocalCloud runs {runtime} functions with the {language} installed on this machine, and '{executable}' was not found on PATH. Install {language} {minimum.Major}.{minimum.Minor} or newer ({where}), or set LambdaOptions.{option}.");
        }
        if (found < minimum)
        {
            return (null, $"LocalCloud runs {runtime} functions with the {language} installed on this machine, and '{executable}' is {language} {found}, older than the {minimum.Major}.{minimum.Minor} LocalCloud's runtime client needs. Install {language} {minimum.Major}.{minimum.Minor} or newer ({where}), or set LambdaOptions.{option}.");
        }
        return (executable, null);
    }

    private Version? Version(string executable, Regex pattern) => _versions.GetOrAdd(executable, e => new Lazy<Version?>(() => Probe(e, pattern))).Value;

    private static Version? Probe(string executable, Regex pattern)
    {
        try
        {
            var start = new ProcessStartInfo(executable, "--version")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }
            // Python 2 wrote its version to stderr; read both.
            var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            var match = pattern.Match(text);
            return process.ExitCode == 0 && match.Success ? new Version(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)) : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    [GeneratedRegex(@"v(\d+)\.(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex NodeVersion();

    [GeneratedRegex(@"Python (\d+)\.(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex PythonVersion();
}
