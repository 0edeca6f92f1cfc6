using System.Globalization;

namespace LocalCloud.HostileInput.Tests;

/// <summary>
/// How hard to fuzz. The default run (one round per operation, a fixed seed) stays well under a minute;
/// HOSTILE_INPUT_ITERATIONS=n runs n rounds, HOSTILE_INPUT_SEED=s replays or varies the inputs.
/// </summary>
public static class FuzzSettings
{
    public const int DefaultSeed = 20_250_601;

    public static int Seed { get; } = Read("HOSTILE_INPUT_SEED", DefaultSeed);

    public static int Iterations { get; } = Math.Max(1, Read("HOSTILE_INPUT_ITERATIONS", 1));

    private static int Read(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
