using System.Text.Json;
using Amazon.Lambda.Core;

namespace Amazon.Lambda.Serialization.SystemTextJson;

/// <summary>
/// Same name and contract as AWS's serializer: camelCase-insensitive reading, and AWS's default of writing
/// property names as declared (its DefaultLambdaJsonSerializer uses an AwsNamingPolicy that keeps names).
/// </summary>
public class DefaultLambdaJsonSerializer : ILambdaSerializer
{
    private readonly JsonSerializerOptions _options = new() { PropertyNameCaseInsensitive = true };

    public T Deserialize<T>(Stream requestStream) => JsonSerializer.Deserialize<T>(requestStream, _options)!;

    public void Serialize<T>(T response, Stream responseStream) => JsonSerializer.Serialize(responseStream, response, _options);
}
