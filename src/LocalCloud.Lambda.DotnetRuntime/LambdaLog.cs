using System.Globalization;
using System.Text;

namespace LocalCloud.Lambda.DotnetRuntime;

/// <summary>
/// The worker's log, in the managed .NET runtime's default text format: "timestamp\trequestId\tlevel\tmessage", with
/// the level as .NET abbreviates it (trce, dbug, info, warn, fail, crit). Console.Out and Console.Error are routed here
/// (info and fail), as are context.Logger and the runtime's own error lines. One writer, so lines keep their order.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "The process's stdout lives as long as the process.")]
internal sealed class LambdaLog
{
    private readonly TextWriter _stdout;
    private readonly Lock _lock = new();
    private volatile string _requestId = string.Empty;

    public LambdaLog(Stream stdout)
    {
        _stdout = new StreamWriter(stdout, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
    }

    public string RequestId
    {
        set => _requestId = value;
    }

    public void Write(string level, string message)
    {
        var line = $"{DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}\t{_requestId}\t{Abbreviate(level)}\t{message}";
        lock (_lock)
        {
            _stdout.WriteLine(line);
        }
    }

    /// <summary>Written outside the log format: the runtime's private markers.</summary>
    public void WriteRaw(string text)
    {
        lock (_lock)
        {
            _stdout.Write(text);
        }
    }

    public TextWriter ConsoleWriter(string level) => new LineWriter(this, level);

    private static string Abbreviate(string level) => level.ToUpperInvariant() switch
    {
        "TRACE" or "TRCE" => "trce",
        "DEBUG" or "DBUG" => "dbug",
        "INFORMATION" or "INFO" => "info",
        "WARNING" or "WARN" => "warn",
        "ERROR" or "FAIL" => "fail",
        "CRITICAL" or "CRIT" => "crit",
        _ => level,
    };

    /// <summary>Collects characters until a newline, then writes them as one entry.</summary>
    private sealed class LineWriter(LambdaLog log, string level) : TextWriter
    {
        private readonly StringBuilder _line = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_line)
            {
                if (value == '\n')
                {
                    var text = _line.ToString().TrimEnd('\r');
                    _line.Clear();
                    log.Write(level, text);
                }
                else
                {
                    _line.Append(value);
                }
            }
        }

        public override void Write(string? value)
        {
            foreach (var c in value ?? string.Empty)
            {
                Write(c);
            }
        }

        public override void WriteLine(string? value)
        {
            Write(value);
            Write('\n');
        }

        public override void Flush()
        {
            lock (_line)
            {
                if (_line.Length > 0)
                {
                    var text = _line.ToString();
                    _line.Clear();
                    log.Write(level, text);
                }
            }
        }
    }
}
