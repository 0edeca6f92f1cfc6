using System.Diagnostics;

namespace LocalCloud.Tests;

/// <summary>
/// The operations table the host embeds for in-process SDK calls (src/LocalCloud/Wiring/aws-sdk-operations.json) is
/// exactly what scripts/generate-aws-sdk-operations.py writes from AWS's API models, so nobody edits it by hand and a
/// model update shows up as a diff here.
/// </summary>
public sealed class AwsSdkOperationsTableTests
{
    [Fact]
    public async Task CommittedTable_IsWhatTheScriptGeneratesFromTheModels()
    {
        var (root, models) = Locate();
        if (models is null)
        {
            Assert.Skip("../shared/data/aws-api-models not found beside the repository: the table cannot be compared with the models.");
        }
        var python = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "python3")).FirstOrDefault(File.Exists);
        if (python is null)
        {
            Assert.Skip("python3 is not on PATH; scripts/generate-aws-sdk-operations.py needs it.");
        }
        var generated = Path.Combine(Path.GetTempPath(), $"aws-sdk-operations-{Guid.NewGuid():N}.json");
        try
        {
            var start = new ProcessStartInfo(python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in (string[])[Path.Combine(root!, "scripts", "generate-aws-sdk-operations.py"), models, generated])
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0, $"the generator exited {process.ExitCode}: {await stderr}");

            var committed = await File.ReadAllTextAsync(Path.Combine(root!, "src", "LocalCloud", "Wiring", "aws-sdk-operations.json"), TestContext.Current.CancellationToken);
            var expected = await File.ReadAllTextAsync(generated, TestContext.Current.CancellationToken);
            Assert.True(expected == committed.ReplaceLineEndings("\n"),
                "src/LocalCloud/Wiring/aws-sdk-operations.json differs from what the models give: run scripts/generate-aws-sdk-operations.py ../shared/data/aws-api-models src/LocalCloud/Wiring/aws-sdk-operations.json");
        }
        finally
        {
            File.Delete(generated);
        }
    }

    /// <summary>The repository root (the folder holding the generator) and, beside it, shared/data/aws-api-models when present.</summary>
    private static (string? Root, string? Models) Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "generate-aws-sdk-operations.py")))
            {
                for (var up = dir; up is not null; up = up.Parent)
                {
                    var models = Path.Combine(up.FullName, "shared", "data", "aws-api-models");
                    if (Directory.Exists(models))
                    {
                        return (dir.FullName, models);
                    }
                }
                return (dir.FullName, null);
            }
        }
        return (null, null);
    }
}
