using System.Net;
using System.Text.Json.Nodes;

namespace AssistanceApi.Tests.Support;

/// <summary>
/// A request between two demo States (FRA asks DEU unless told otherwise), with one client for each side,
/// to walk it through the lifecycle.
/// </summary>
public sealed class Exchange(ApiFactory api, string requestingKey = DemoKeys.Fra, string requestedKey = DemoKeys.Deu)
{
    public HttpClient Requesting { get; } = api.As(requestingKey);
    public HttpClient Requested { get; } = api.As(requestedKey);
    public string Id { get; private set; } = "";

    public string Url(string action = "") => action.Length == 0 ? $"/api/v1/requests/{Id}" : $"/api/v1/requests/{Id}/{action}";

    public async Task<Exchange> SubmittedAsync(JsonObject? body = null)
    {
        Id = await Requesting.SubmitNewAsync(body ?? Bodies.CompleteMla());
        return this;
    }

    /// <summary>Submitted, then each (side, action, body) in turn, each expected to succeed.</summary>
    public async Task<JsonObject> WalkAsync(params (HttpClient Side, string Action, JsonNode? Body)[] steps)
    {
        var last = new JsonObject();
        foreach (var (side, action, body) in steps)
            last = await (await side.PostJsonAsync(Url(action), body ?? new JsonObject())).ExpectAsync(HttpStatusCode.OK);
        return last;
    }

    public async Task<JsonObject> ActAsync(HttpClient side, string action, JsonNode? body = null) =>
        await (await side.PostJsonAsync(Url(action), body ?? new JsonObject())).ExpectAsync(HttpStatusCode.OK);

    public Task<HttpResponseMessage> TryAsync(HttpClient side, string action, JsonNode? body = null) =>
        side.PostJsonAsync(Url(action), body ?? new JsonObject());

    public async Task<JsonObject> GetAsync(HttpClient side) => await (await side.GetAsync(Url())).ExpectAsync(HttpStatusCode.OK);

    public static JsonObject Consult(string intent = "refuse") => new() { ["intent"] = intent, ["proposedConditions"] = new JsonArray("Use only in proceeding PNC-2026-42") };
}
