using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace LocalCloud.StepFunctions.Engine.Tokens;

/// <summary>
/// Tokens of executions that retention forgot, in a fixed 1 MiB Bloom filter (3 probes per token), so a late callback
/// still gets TaskTimedOut while memory stays flat however many are forgotten. A false positive makes a token that
/// was never minted answer TaskTimedOut instead of TaskDoesNotExist; after a million forgotten tokens that is about
/// 3% of such tokens, and either way the call fails. The filter is not stored: after a restart a forgotten token
/// answers TaskDoesNotExist.
/// </summary>
internal sealed class ForgottenTokens
{
    private const int Bits = 1 << 23;
    private readonly int[] _words = new int[Bits / 32];

    public void Add(string token)
    {
        foreach (var bit in Probes(token))
        {
            Interlocked.Or(ref _words[bit >> 5], 1 << (bit & 31));
        }
    }

    public bool MayContain(string token)
    {
        foreach (var bit in Probes(token))
        {
            if ((Volatile.Read(ref _words[bit >> 5]) & (1 << (bit & 31))) == 0)
            {
                return false;
            }
        }
        return true;
    }

    // Hashed rather than read from the token's own bytes, so the filter holds whatever a token looks like.
    private static int[] Probes(string token)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        var words = MemoryMarshal.Cast<byte, uint>(hash);
        return [(int)(words[0] % Bits), (int)(words[1] % Bits), (int)(words[2] % Bits)];
    }
}
