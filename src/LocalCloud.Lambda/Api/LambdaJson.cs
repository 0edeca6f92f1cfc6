using System.Text.Json;
using System.Text.Json.Serialization;
using LocalCloud.Core;
using LocalCloud.Lambda;
using LocalCloud.Lambda.Api.Operations;

namespace LocalCloud.Lambda.Api;

/// <summary>restJson1 bodies: member names as the model spells them, absent members left out.</summary>
internal static class LambdaJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static T Read<T>(ServiceRequest request)
        where T : new()
    {
        if (request.Body.IsEmpty)
        {
            return new T();
        }
        try
        {
            return JsonSerializer.Deserialize<T>(request.Body.Span, Options) ?? new T();
        }
        catch (JsonException e)
        {
            throw LambdaErrors.BadRequestBody(e.Message);
        }
    }

    public static ServiceResponse Write<T>(int status, T value) => ServiceResponse.Json(status, value, Options);
}
