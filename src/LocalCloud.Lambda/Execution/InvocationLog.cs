using System.Text;

namespace LocalCloud.Lambda.Execution;

/// <summary>One invocation's log (init output, START, the function's output, END, REPORT), as CloudWatch would hold it.</summary>
internal sealed class InvocationLog
{
    /// <summary>X-Amz-Log-Result carries the last 4 KB of the log (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html).</summary>
    public const int TailBytes = 4096;

    private readonly StringBuilder _text = new();
    private readonly Lock _lock = new();

    public void AppendLine(string line)
    {
        lock (_lock)
        {
            _text.Append(line).Append('\n');
        }
    }

    public string Text
    {
        get
        {
            lock (_lock)
            {
                return _text.ToString();
            }
        }
    }

    public string TailBase64()
    {
        var bytes = Encoding.UTF8.GetBytes(Text);
        var start = Math.Max(0, bytes.Length - TailBytes);
        return Convert.ToBase64String(bytes, start, bytes.Length - start);
    }

    /// <summary>The same last 4 KB as text, kept with each recent invocation for the console.</summary>
    public string Tail()
    {
        var bytes = Encoding.UTF8.GetBytes(Text);
        var start = Math.Max(0, bytes.Length - TailBytes);
        // A cut through a multi-byte character decodes to U+FFFD; the tail is for reading.
        return Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
    }
}
