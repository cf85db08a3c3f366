using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace AssistanceApi.Tests.Support;

/// <summary>Calls on /requests and one request by its id, and readers of what they return.</summary>
public static class RequestCalls
{
    public const string RequestsUrl = "/api/v1/requests";

    /// <summary>GET /requests/{id}, the response as it came.</summary>
    public static Task<HttpResponseMessage> GetRequestAsync(this HttpClient client, string id) => client.GetAsync($"{RequestsUrl}/{id}");

    /// <summary>GET /requests/{id}, expected 200: the resource.</summary>
    public static async Task<JsonObject> ReadRequestAsync(this HttpClient client, string id) =>
        await (await client.GetRequestAsync(id)).ExpectAsync(HttpStatusCode.OK);

    public static async Task<string> StatusAsync(this HttpClient client, string id) => (await client.ReadRequestAsync(id))["status"].Str();

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string id) => client.PostAsync($"{RequestsUrl}/{id}/submit", null);

    public static Task<HttpResponseMessage> DeleteRequestAsync(this HttpClient client, string id) => client.DeleteAsync($"{RequestsUrl}/{id}");

    /// <summary>POST /requests/{id}/{action}, expected 200: the request after it.</summary>
    public static async Task<JsonObject> ActAsync(this HttpClient client, string id, string action, JsonNode? body = null) =>
        await (await client.TryActAsync(id, action, body)).ExpectAsync(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> TryActAsync(this HttpClient client, string id, string action, JsonNode? body = null) =>
        client.PostJsonAsync($"{RequestsUrl}/{id}/{action}", body ?? new JsonObject());

    public static async Task<JsonObject> HistoryAsync(this HttpClient client, string id) =>
        await (await client.GetAsync($"{RequestsUrl}/{id}/history")).ExpectAsync(HttpStatusCode.OK);

    /// <summary>The ids on the first page the caller's list returns for the query.</summary>
    public static async Task<IReadOnlyList<string>> FirstPageIdsAsync(this HttpClient client, string query) =>
        (await (await client.GetAsync($"{RequestsUrl}?{query}")).ExpectAsync(HttpStatusCode.OK)).Ids();

    /// <summary>Every id the caller's list returns for the query, walking all pages.</summary>
    public static async Task<List<string>> ListIdsAsync(this HttpClient client, string query = "")
    {
        var ids = new List<string>();
        string? cursor = null;
        for (var guard = 0; guard < 100; guard++)
        {
            var separator = query.Length == 0 ? "?" : "?" + query + "&";
            var url = RequestsUrl + separator + "limit=200" + (cursor is null ? "" : "&cursor=" + cursor);
            var page = await (await client.GetAsync(url)).ExpectAsync(HttpStatusCode.OK);
            ids.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            if (cursor is null) return ids;
        }
        throw new InvalidOperationException("the list never ended");
    }

    /// <summary>Every item of every page of the caller's outgoing requests.</summary>
    public static async Task<List<JsonObject>> AllOutgoingAsync(this HttpClient client)
    {
        var items = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var url = RequestsUrl + "?direction=outgoing&limit=200" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await (await client.GetAsync(url)).ExpectAsync(HttpStatusCode.OK);
            items.AddRange(page["items"]!.AsArray().Select(i => i!.AsObject()));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);
        return items;
    }

    /// <summary>Asserts the caller's State has no requests at all: nothing was written.</summary>
    public static async Task AssertNoRequestsAsync(this HttpClient client) => Assert.Empty(await client.ListIdsAsync());

    /// <summary>The ids of a list response's items.</summary>
    public static IReadOnlyList<string> Ids(this JsonObject page) =>
        page["items"]!.AsArray().Select(i => i!["id"].Str()).ToList();

    public static IReadOnlyList<string> Allowed(this JsonObject request) =>
        request["allowedActions"]!.AsArray().Select(a => a.Str()).ToList();

    public static string[] Strings(this JsonNode? array) => array!.AsArray().Select(n => n.Str()).ToArray();

    public static long Version(this JsonObject resource) => resource["version"]!.GetValue<long>();

    public static DateTimeOffset Time(this JsonNode? node) => DateTimeOffset.Parse(node.Str(), CultureInfo.InvariantCulture);
}
