using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace LocalCloud.StepFunctions.Engine.Tokens;

/// <summary>
/// Task tokens shaped like the ones AWS mints, so that everything that stores or sends them (a DynamoDB item, a
/// callback request, the write units billed for it) weighs what it would on AWS. Tokens seen from AWS are standard
/// base64 (with '+', '/' and '=' padding) of a binary blob that starts with the same 16-byte header
/// (00 00 00 2A 00 00 00 02 00 00 00 00 00 00 00 01, hence every token begins "AAAAKgAAAAIAAAAAAAAAA") and is 448 or
/// 512 bytes long, 600 or 684 characters — for example the tokens printed by `aws stepfunctions get-activity-task` and
/// passed to callback Lambdas in public repositories and Stack Overflow answers. The API model caps TaskToken at 2,048
/// characters. We mint the longer of the two observed sizes: the header, then 496 random bytes from
/// RandomNumberGenerator (unguessable, so a token is still the capability it is on AWS).
/// </summary>
public static class TaskTokenFormat
{
    public const int Bytes = 512;

    /// <summary>Characters of a token: base64 of <see cref="Bytes"/> bytes.</summary>
    public const int Length = (Bytes + 2) / 3 * 4;

    private const int HeaderBytes = 16;

    public static string Mint()
    {
        Span<byte> bytes = stackalloc byte[Bytes];
        WriteHeader(bytes);
        RandomNumberGenerator.Fill(bytes[HeaderBytes..]);
        return Convert.ToBase64String(bytes);
    }

    /// <summary>True when <paramref name="token"/> has the length, alphabet and header of a token this format mints.</summary>
    public static bool IsWellFormed([NotNullWhen(true)] string? token)
    {
        if (token is null || token.Length != Length)
        {
            return false;
        }
        Span<byte> bytes = stackalloc byte[Bytes];
        Span<byte> header = stackalloc byte[HeaderBytes];
        WriteHeader(header);
        return Convert.TryFromBase64String(token, bytes, out var written) && written == Bytes && bytes[..HeaderBytes].SequenceEqual(header);
    }

    private static void WriteHeader(Span<byte> bytes)
    {
        BinaryPrimitives.WriteInt32BigEndian(bytes, 42);
        BinaryPrimitives.WriteInt32BigEndian(bytes[4..], 2);
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], 1);
    }
}
