using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace AssistanceApi.Tests.Support;

public static class WebhookCalls
{
    public const string WebhooksUrl = "/api/v1/webhooks";

    public static JsonObject WebhookBody(string url, string[]? types = null, string? description = null)
    {
        var body = new JsonObject { ["url"] = url };
        if (types is not null) body["types"] = new JsonArray(types.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray());
        if (description is not null) body["description"] = description;
        return body;
    }

    /// <summary>Subscribes and returns the create response (webhook and secret).</summary>
    public static async Task<(string Id, string Secret, JsonObject Webhook)> SubscribeAsync(this HttpClient client, string url, string[]? types = null)
    {
        var created = await (await client.PostJsonAsync(WebhooksUrl, WebhookBody(url, types))).ExpectAsync(HttpStatusCode.Created);
        return (created["webhook"]!["id"].Str(), created["secret"].Str(), created["webhook"]!.AsObject());
    }

    public static Task<HttpResponseMessage> PostWithKeyAsync(this HttpClient client, string url, string idempotencyKey, JsonNode? body = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, url);
        if (body is not null) message.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        message.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        return client.SendAsync(message);
    }

    public static async Task<JsonArray> DeliveriesAsync(this HttpClient client, string webhookId) =>
        (await (await client.GetAsync($"{WebhooksUrl}/{webhookId}/deliveries")).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray();
}
