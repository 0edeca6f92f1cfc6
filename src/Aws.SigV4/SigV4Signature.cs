namespace Aws.SigV4;

/// <summary>The result of signing, with every intermediate piece so each step can be checked.</summary>
/// <param name="CanonicalRequest">Task 1: the canonical request.</param>
/// <param name="StringToSign">Task 2: the string to sign.</param>
/// <param name="Signature">Task 3: the hex HMAC-SHA256 signature.</param>
/// <param name="SignedHeaders">The ';'-joined lowercase names of the signed headers.</param>
/// <param name="CredentialScope">date/region/service/aws4_request.</param>
/// <param name="Authorization">The value of the Authorization header.</param>
/// <param name="HeadersToAdd">Headers the request must carry: X-Amz-Date, X-Amz-Security-Token, X-Amz-Content-Sha256, Authorization.</param>
public sealed record SigV4Signature(
    string CanonicalRequest,
    string StringToSign,
    string Signature,
    string SignedHeaders,
    string CredentialScope,
    string Authorization,
    IReadOnlyList<KeyValuePair<string, string>> HeadersToAdd);
