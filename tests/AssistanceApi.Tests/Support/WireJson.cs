using System.Text.Encodings.Web;
using System.Text.Json;
using AssistanceApi.Http;

namespace AssistanceApi.Tests.Support;

/// <summary>The response settings: the API's JSON settings with the escaping the endpoints' serializer uses.</summary>
public static class WireJson
{
    public static readonly JsonSerializerOptions Options =
        JsonDefaults.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
