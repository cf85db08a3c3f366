using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace AssistanceApi.Tests.Support;

/// <summary>Clients and their keys, issued through the API or, as the CLI does, straight into the database.</summary>
public static class ClientCalls
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
}
