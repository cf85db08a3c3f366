using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Requests;

/// <summary>Small helpers shared by the request slice tests.</summary>
internal static class RequestsTestHelpers
{
    /// <summary>Every id the caller's list returns for the query, walking all pages.</summary>
    public static async Task<List<string>> ListIdsAsync(this HttpClient client, string query = "")
    {
        var ids = new List<string>();
        string? cursor = null;
        for (var guard = 0; guard < 100; guard++)
        {
            var separator = query.Length == 0 ? "?" : "?" + query + "&";
            var url = "/api/v1/requests" + separator + "limit=200" + (cursor is null ? "" : "&cursor=" + cursor);
            var page = await (await client.GetAsync(url)).ExpectAsync(HttpStatusCode.OK);
            ids.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            if (cursor is null) return ids;
        }
        throw new InvalidOperationException("the list never ended");
    }

    /// <summary>Asserts the caller's State has no requests at all: nothing was written.</summary>
    public static async Task AssertNoRequestsAsync(this HttpClient client) => Assert.Empty(await client.ListIdsAsync());

    public static Task<HttpResponseMessage> GetRequestAsync(this HttpClient client, string id) => client.GetAsync($"/api/v1/requests/{id}");

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string id) => client.PostAsync($"/api/v1/requests/{id}/submit", null);

    public static Task<HttpResponseMessage> DeleteRequestAsync(this HttpClient client, string id) => client.DeleteAsync($"/api/v1/requests/{id}");

    /// <summary>A complete request that also names a deadline in the future, with its reasons.</summary>
    public static JsonObject CompleteMlaWithDeadline(string deadline, string requestedState = "DEU")
    {
        var body = Bodies.CompleteMla(requestedState);
        body["deadline"] = deadline;
        body["deadlineReasons"] = "The suspect's trial opens on that day.";
        return body;
    }
}
