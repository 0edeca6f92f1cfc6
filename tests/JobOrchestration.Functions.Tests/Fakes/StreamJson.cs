using System.Text;
using System.Text.Json.Nodes;

namespace JobOrchestration.Functions.Tests.Fakes;

internal static class StreamJson
{
    public static Stream Of(string json) => new MemoryStream(Encoding.UTF8.GetBytes(json));

    public static Stream Of(JsonNode json) => Of(json.ToJsonString());

    public static async Task<JsonObject> ReadAsync(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return JsonNode.Parse(await reader.ReadToEndAsync(TestContext.Current.CancellationToken))!.AsObject();
    }
}
