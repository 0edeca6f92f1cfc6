using System.ComponentModel;

namespace LocalCloud.Lambda.Execution;

/// <summary>
/// Linux refuses to exec a file that any process holds open for writing (ETXTBSY, "Text file busy"). A bootstrap we
/// unpacked moments ago can be held that way by a child that another thread of this process forked while the file was
/// still open, and that has not reached exec yet: O_CLOEXEC closes the descriptor only at exec. Nothing in user code can
/// close that window (dotnet/runtime#58964, golang/go#22315), so the start is tried again after a short wait, as those
/// projects recommend.
/// </summary>
internal static class TextFileBusy
{
    /// <summary>ETXTBSY on Linux; .NET's Process.Start reports errno as the Win32Exception's NativeErrorCode.</summary>
    public const int Errno = 26;

    // Ten tries, about 2.9 s in all, for a window that is microseconds wide on an idle machine and can stretch to
    // hundreds of milliseconds on a loaded one.
    public const int Attempts = 10;

    /// <summary>
    /// Runs <paramref name="start"/>, retrying while it fails with ETXTBSY, waiting 10 ms × n² before try n + 1.
    /// The wait is real time whatever clock the emulation runs on: it lets another OS process reach its exec.
    /// </summary>
    public static T Retry<T>(Func<T> start, Action<TimeSpan> wait)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return start();
            }
            catch (Win32Exception e) when (e.NativeErrorCode == Errno && attempt < Attempts)
            {
                wait(TimeSpan.FromMilliseconds(10 * attempt * attempt));
            }
        }
    }
}
