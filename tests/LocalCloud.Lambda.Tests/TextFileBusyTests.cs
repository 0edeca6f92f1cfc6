using System.ComponentModel;
using System.Diagnostics;
using LocalCloud.Lambda.Execution;

namespace LocalCloud.Lambda.Tests;

/// <summary>The ETXTBSY race behind a rare Runtime.InvalidEntrypoint on a loaded machine, and its retry.</summary>
public sealed class TextFileBusyTests
{
    [Fact]
    public void ExecOfAFileHeldOpenForWriting_FailsWithTheErrnoTheRetryWatches()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("ETXTBSY is Linux's rule; other systems run such a file.");
            return;
        }
        var script = Path.Combine(Path.GetTempPath(), $"etxtbsy-{Guid.NewGuid():N}.sh");
        try
        {
            using (var writer = new FileStream(script, FileMode.CreateNew, FileAccess.Write))
            {
                writer.Write("#!/bin/sh\nexit 0\n"u8);
                writer.Flush();
                File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

                var error = Assert.Throws<Win32Exception>(() => Process.Start(new ProcessStartInfo(script) { UseShellExecute = false }));

                Assert.Equal(TextFileBusy.Errno, error.NativeErrorCode);
            }
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public void Retry_AfterTwoBusyStarts_ReturnsTheThirdWithGrowingWaits()
    {
        var waits = new List<TimeSpan>();
        var calls = 0;

        var result = TextFileBusy.Retry(() => ++calls < 3 ? throw new Win32Exception(TextFileBusy.Errno) : "started", waits.Add);

        Assert.Equal(("started", 3), (result, calls));
        Assert.Equal([TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(40)], waits);
    }

    [Fact]
    public void Retry_StillBusyAfterEveryAttempt_Throws()
    {
        var calls = 0;

        var error = Assert.Throws<Win32Exception>(() => TextFileBusy.Retry<string>(() => { calls++; throw new Win32Exception(TextFileBusy.Errno); }, _ => { }));

        Assert.Equal((TextFileBusy.Errno, TextFileBusy.Attempts), (error.NativeErrorCode, calls));
    }

    [Fact]
    public void Retry_OtherStartError_IsNotRetried()
    {
        const int noSuchFile = 2;
        var calls = 0;

        var error = Assert.Throws<Win32Exception>(() => TextFileBusy.Retry<string>(() => { calls++; throw new Win32Exception(noSuchFile); }, _ => { }));

        Assert.Equal((noSuchFile, 1), (error.NativeErrorCode, calls));
    }
}
