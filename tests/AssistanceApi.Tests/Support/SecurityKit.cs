using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Security;

/// <summary>Shared steps of the security tests: clients issued through the API, raw messages, problem checks.</summary>
public static class SecurityKit
{
    public const string ClientsUrl = "/api/v1/clients";

    public sealed record IssuedClient(string Id, string Key, JsonObject Client)
    {
        /// <summary>"uncc_" + 8 hex + "_": the public part of a generated key.</summary>
        public string Prefix => Key[5..13];

        /// <summary>The 256-bit secret after the prefix.</summary>
        public string Secret => Key[14..];
    }

    public static JsonObject ClientBody(string role, string? state, string name)
    {
        var body = new JsonObject { ["role"] = role, ["name"] = name };
        if (state is not null) body["state"] = state;
        return body;
    }

    /// <summary>Registers a client as the given administrator (a state-admin, or the secretariat for a first state-admin) and returns its one-time key.</summary>
    public static async Task<IssuedClient> CreateClientAsync(this HttpClient admin, string role, string? state, string name)
    {
        var created = await (await admin.PostJsonAsync(ClientsUrl, ClientBody(role, state, name))).ExpectAsync(HttpStatusCode.Created);
        return new IssuedClient(created["client"]!["id"].Str(), created["key"].Str(), created["client"]!.AsObject());
    }

    public static async Task<IssuedClient> RotateAsync(this HttpClient admin, string clientId)
    {
        var rotated = await (await admin.PostAsync($"{ClientsUrl}/{clientId}/rotate", null)).ExpectAsync(HttpStatusCode.OK);
        return new IssuedClient(rotated["client"]!["id"].Str(), rotated["key"].Str(), rotated["client"]!.AsObject());
    }

    public static async Task RevokeAsync(this HttpClient admin, string clientId) =>
        await (await admin.DeleteAsync($"{ClientsUrl}/{clientId}")).ExpectAsync(HttpStatusCode.NoContent);

    /// <summary>
    /// A secretariat client as the server's CLI creates it (the API creates none): a generated key, stored as prefix
    /// and SHA-256, written straight to the test's database.
    /// </summary>
    public static async Task<IssuedClient> InsertSecretariatClientAsync(this ApiFactory api, string name)
    {
        using (api.CreateClient()) AssistanceApi.Persistence.TypeHandlers.Register(); // the host is up: migrated, handlers registered
        var prefix = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
        var key = $"uncc_{prefix}_{System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))}";
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var id = Guid.CreateVersion7();
        await api.Database.ExecuteAsync(
            "INSERT INTO clients (id, name, state, role, key_prefix, key_hash, created_at) VALUES (@id, @name, NULL, 'secretariat', @prefix, @hash, @now)",
            new { id, name, prefix, hash, now = api.Clock.GetUtcNow() });
        return new IssuedClient(id.ToString("D"), key, new JsonObject { ["id"] = id.ToString("D"), ["role"] = "secretariat", ["name"] = name });
    }

    /// <summary>A fresh message (HttpRequestMessage cannot be sent twice) with a JSON body when one is given.</summary>
    public static HttpRequestMessage Message(string method, string url, JsonNode? body, string mediaType = "application/json")
    {
        var message = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null) message.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, mediaType);
        return message;
    }

    /// <summary>Every page of FRA-style outgoing requests the client sees.</summary>
    public static async Task<List<JsonObject>> AllOutgoingAsync(this HttpClient client)
    {
        var items = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var url = "/api/v1/requests?direction=outgoing&limit=200" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await (await client.GetAsync(url)).ExpectAsync(HttpStatusCode.OK);
            items.AddRange(page["items"]!.AsArray().Select(i => i!.AsObject()));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);
        return items;
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

    /// <summary>A valid body for a State directory entry (PUT /states/{code}).</summary>
    public static JsonObject StateBody(
        string status = "party", string? signedOn = "2025-10-25", string? ratifiedOn = "2025-12-15", string? inForceOn = "2026-01-01",
        string[]? languages = null, string email = "central-authority@nor.example.org") => new()
    {
        ["convention"] = new JsonObject { ["status"] = status, ["signedOn"] = signedOn, ["ratifiedOn"] = ratifiedOn, ["inForceOn"] = inForceOn },
        ["centralAuthority"] = new JsonObject { ["name"] = "Norway central authority (test)", ["email"] = email, ["phone"] = "+47 00 00 00 00" },
        ["contactPoint"] = new JsonObject { ["name"] = "Norway 24/7 contact point (test)", ["email"] = "247@nor.example.org", ["phone"] = "+47 00 00 00 01" },
        ["acceptedLanguages"] = new JsonArray((languages ?? ["no", "en"]).Select(l => (JsonNode)l!).ToArray()),
        ["declarations"] = new JsonObject
        {
            ["requiresDualCriminality"] = false, ["acceptsRealTimeTrafficCollection"] = true, ["acceptsContentInterception"] = false,
        },
        ["source"] = "Notification to the Secretary-General (test)",
    };
}
