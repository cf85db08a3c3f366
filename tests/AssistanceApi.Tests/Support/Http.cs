using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AssistanceApi.Tests.Support;

public static class Http
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, JsonNode? body, CancellationToken ct = default) =>
        client.PostAsync(url, new StringContent(body?.ToJsonString() ?? "", Encoding.UTF8, "application/json"), ct);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string body, string mediaType = "application/json") =>
        client.PostAsync(url, new StringContent(body, Encoding.UTF8, mediaType));

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, JsonNode body, string? ifMatch = null,
        string mediaType = "application/merge-patch+json")
    {
        var message = new HttpRequestMessage(HttpMethod.Patch, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, mediaType) };
        if (ifMatch is not null) message.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(message);
    }

    public static Task<HttpResponseMessage> SendWithIfMatchAsync(this HttpClient client, HttpMethod method, string url, string ifMatch, JsonNode? body = null)
    {
        var message = new HttpRequestMessage(method, url);
        message.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (body is not null) message.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return client.SendAsync(message);
    }

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        (await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync()))!.AsObject();

    /// <summary>Asserts the status and returns the body, showing the body when the status is wrong.</summary>
    public static async Task<JsonObject> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} but got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Asserts a problem+json with the status, and returns it.</summary>
    public static async Task<JsonObject> ExpectProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await response.ExpectAsync(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(problem["traceId"]?.GetValue<string>()));
        return problem;
    }

    /// <summary>A problem+json whose type is /problems/{type}.</summary>
    public static async Task<JsonObject> ExpectProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var problem = await response.ExpectProblemAsync(status);
        Assert.Equal($"/problems/{type}", problem["type"].Str());
        return problem;
    }

    /// <summary>Asserts a problem+json of the status and returns its raw text, for leak checks.</summary>
    public static async Task<string> ExpectProblemTextAsync(this HttpResponseMessage response, HttpStatusCode status, string context)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{context}: expected {(int)status} but got {(int)response.StatusCode}: {text}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{context}: expected application/problem+json but got {response.Content.Headers.ContentType}: {text}");
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()), context);
        Assert.False(string.IsNullOrEmpty(problem["traceId"]?.GetValue<string>()), context);
        return text;
    }

    public static string ETag(this HttpResponseMessage response) => response.Headers.ETag?.ToString() ?? "<none>";

    /// <summary>A fresh message (HttpRequestMessage cannot be sent twice) with a JSON body when one is given.</summary>
    public static HttpRequestMessage Message(string method, string url, JsonNode? body, string mediaType = "application/json")
    {
        var message = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null) message.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, mediaType);
        return message;
    }

    /// <summary>The codes of a problem's or report's errors/findings.</summary>
    public static IReadOnlyList<string> Codes(this JsonObject body, string list = "errors") =>
        body[list]?.AsArray().Select(e => e!["code"]!.GetValue<string>()).ToList() ?? [];

    public static IReadOnlyList<string> Names(this JsonObject body, string list = "errors") =>
        body[list]?.AsArray().Select(e => e!["name"]!.GetValue<string>()).ToList() ?? [];

    /// <summary>Creates a draft as the client's State and returns its id.</summary>
    public static async Task<string> CreateDraftAsync(this HttpClient client, JsonObject body)
    {
        var created = await (await client.PostJsonAsync("/api/v1/requests", body)).ExpectAsync(HttpStatusCode.Created);
        return created["id"]!.GetValue<string>();
    }

    /// <summary>Creates and submits a request; returns its id.</summary>
    public static async Task<string> SubmitNewAsync(this HttpClient client, JsonObject body)
    {
        var id = await client.CreateDraftAsync(body);
        await (await client.PostAsync($"/api/v1/requests/{id}/submit", null)).ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    public static string Str(this JsonNode? node) => node is null ? "<null>" : node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
}
