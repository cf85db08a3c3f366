using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.ClientCalls;

namespace AssistanceApi.Tests.Features.Clients;

/// <summary>Clients and their keys: issued once, stored as hashes, revoked and rotated at once (contract §2).</summary>
public sealed partial class ClientsTests
{
    private static readonly string[] ClientFields = ["id", "name", "state", "role", "keyPrefix", "createdAt", "revokedAt"];

    [GeneratedRegex("[0-9a-fA-F]{64}")]
    private static partial Regex Sha256Hex();

    [GeneratedRegex("^uncc_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$")]
    private static partial Regex KeyShape();

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public async Task Create_is_201_with_a_key_shown_once_that_works_at_once()
    {
        await using var api = new ApiFactory();
        var fraAdmin = api.As(DemoKeys.FraAdmin);

        var response = await fraAdmin.PostJsonAsync(ClientsUrl, ClientBody("central-authority", "FRA", "France central authority (test)"));
        var created = await response.ExpectAsync(HttpStatusCode.Created);
        var key = created["key"].Str();
        var client = created["client"]!.AsObject();

        Assert.StartsWith("uncc_", key);
        Assert.True(key.Length >= 50, $"key too short: {key.Length}");
        Assert.Matches(KeyShape(), key);
        Assert.Equal(key[5..13], client["keyPrefix"].Str());
        Assert.Equal("FRA", client["state"].Str());
        Assert.Equal("central-authority", client["role"].Str());
        Assert.Equal("France central authority (test)", client["name"].Str());
        Assert.True(Guid.TryParse(client["id"].Str(), out _));
        Assert.Null(client["revokedAt"]);
        Assert.Null(client["key"]);
        Assert.Null(client["keyHash"]);

        // Works immediately, as FRA: the requesting State comes from the key.
        var issuedFra = api.As(key);
        await (await issuedFra.GetAsync("/api/v1/states")).ExpectAsync(HttpStatusCode.OK);
        var draft = await (await issuedFra.PostJsonAsync("/api/v1/requests", Bodies.MinimalDraft("DEU"))).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("FRA", draft["requestingState"].Str());
        var mine = await issuedFra.AllOutgoingAsync();
        Assert.Equal(draft["id"].Str(), Assert.Single(mine)["id"].Str());

        // Never shown again: not in the list, not in the client's own view.
        var list = await (await fraAdmin.GetAsync($"{ClientsUrl}?limit=200")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(key, list);
        Assert.DoesNotContain(key[14..], list);
        Assert.Contains(key[5..13], list);
    }

    [Fact]
    public async Task The_list_never_holds_a_key_or_a_hash_and_shows_each_prefix()
    {
        await using var api = new ApiFactory();
        var secretariat = api.As(DemoKeys.Secretariat);
        var fraAdmin = api.As(DemoKeys.FraAdmin);
        var a = await fraAdmin.CreateClientAsync("central-authority", "FRA", "France (test)");
        var b = await api.As(DemoKeys.DeuAdmin).CreateClientAsync("contact-point", "DEU", "Germany 24/7 (test)");
        var c = await fraAdmin.CreateClientAsync("state-admin", "FRA", "Second France state-admin (test)");
        var rotated = await fraAdmin.RotateAsync(a.Id);
        await secretariat.RevokeAsync(b.Id);

        var response = await secretariat.GetAsync($"{ClientsUrl}?limit=200");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.DoesNotMatch(Sha256Hex(), text);
        foreach (var key in new[] { a.Key, b.Key, c.Key, rotated.Key, DemoKeys.Fra, DemoKeys.Secretariat })
        {
            Assert.DoesNotContain(key, text);
            Assert.DoesNotContain(Sha256(key), text);
        }
        foreach (var secret in new[] { a.Secret, b.Secret, c.Secret, rotated.Secret }) Assert.DoesNotContain(secret, text);
        Assert.DoesNotContain("\"key\"", text);
        Assert.DoesNotContain("keyHash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("key_hash", text, StringComparison.OrdinalIgnoreCase);

        var items = JsonNode.Parse(text)!["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        foreach (var item in items)
            foreach (var (name, _) in item)
                Assert.Contains(name, ClientFields);
        Assert.Equal(rotated.Prefix, items.Single(i => i["id"].Str() == a.Id)["keyPrefix"].Str());
        Assert.Equal(b.Prefix, items.Single(i => i["id"].Str() == b.Id)["keyPrefix"].Str());
        Assert.Equal(c.Prefix, items.Single(i => i["id"].Str() == c.Id)["keyPrefix"].Str());
        Assert.NotNull(items.Single(i => i["id"].Str() == b.Id)["revokedAt"]);
        Assert.Null(items.Single(i => i["id"].Str() == a.Id)["revokedAt"]);
        Assert.True(items.Count >= 15, $"expected the twelve demo clients and three new ones, got {items.Count}");
    }

    [Fact]
    public async Task Revoke_is_204_and_the_key_is_401_at_once()
    {
        await using var api = new ApiFactory();
        var fraAdmin = api.As(DemoKeys.FraAdmin);
        var issued = await fraAdmin.CreateClientAsync("central-authority", "FRA", "France (to revoke)");
        var client = api.As(issued.Key);
        await (await client.GetAsync("/api/v1/states")).ExpectAsync(HttpStatusCode.OK);

        var revoke = await fraAdmin.DeleteAsync($"{ClientsUrl}/{issued.Id}");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Empty(await revoke.Content.ReadAsStringAsync());

        // The same HttpClient, the very next call.
        await (await client.GetAsync("/api/v1/states")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostJsonAsync("/api/v1/requests", Bodies.MinimalDraft())).ExpectProblemAsync(HttpStatusCode.Unauthorized);

        var listed = (await (await fraAdmin.GetAsync($"{ClientsUrl}?limit=200")).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray()
            .Single(i => i!["id"].Str() == issued.Id)!;
        Assert.Equal(ApiFactory.Start, DateTimeOffset.Parse(listed["revokedAt"].Str()));

        // Revoking again changes nothing and still answers 204; the key stays dead.
        api.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.NoContent, (await fraAdmin.DeleteAsync($"{ClientsUrl}/{issued.Id}")).StatusCode);
        await (await client.GetAsync("/api/v1/states")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Rotate_issues_a_new_key_that_works_and_the_old_one_is_401_at_once()
    {
        await using var api = new ApiFactory();
        var fraAdmin = api.As(DemoKeys.FraAdmin);
        var old = await fraAdmin.CreateClientAsync("central-authority", "FRA", "France (to rotate)");
        await (await api.As(old.Key).GetAsync("/api/v1/states")).ExpectAsync(HttpStatusCode.OK);

        var response = await fraAdmin.PostAsync($"{ClientsUrl}/{old.Id}/rotate", null);
        var rotated = await response.ExpectAsync(HttpStatusCode.OK);
        var fresh = rotated["key"].Str();

        Assert.Matches(KeyShape(), fresh);
        Assert.NotEqual(old.Key, fresh);
        Assert.NotEqual(old.Prefix, fresh[5..13]);
        Assert.Equal(old.Id, rotated["client"]!["id"].Str());
        Assert.Equal(fresh[5..13], rotated["client"]!["keyPrefix"].Str());

        await (await api.As(old.Key).GetAsync("/api/v1/states")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        // The old secret under the new prefix, and the new secret under the old prefix, are no keys either.
        await (await api.As($"uncc_{fresh[5..13]}_{old.Secret}").GetAsync("/api/v1/states")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await api.As($"uncc_{old.Prefix}_{fresh[14..]}").GetAsync("/api/v1/states")).ExpectProblemAsync(HttpStatusCode.Unauthorized);

        var draft = await (await api.As(fresh).PostJsonAsync("/api/v1/requests", Bodies.MinimalDraft())).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("FRA", draft["requestingState"].Str());
    }

    [Fact]
    public async Task Rotating_a_revoked_client_is_409_and_issues_nothing()
    {
        await using var api = new ApiFactory();
        var fraAdmin = api.As(DemoKeys.FraAdmin);
        var issued = await fraAdmin.CreateClientAsync("central-authority", "FRA", "France (revoked)");
        await fraAdmin.RevokeAsync(issued.Id);

        var text = await (await fraAdmin.PostAsync($"{ClientsUrl}/{issued.Id}/rotate", null))
            .ExpectProblemTextAsync(HttpStatusCode.Conflict, "rotate a revoked client");
        Assert.DoesNotContain("uncc_", text);

        await (await api.As(issued.Key).GetAsync("/api/v1/states")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        var listed = (await (await fraAdmin.GetAsync($"{ClientsUrl}?limit=200")).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray()
            .Single(i => i!["id"].Str() == issued.Id)!;
        Assert.Equal(issued.Prefix, listed["keyPrefix"].Str());
        Assert.NotNull(listed["revokedAt"]);
    }

    [Fact]
    public async Task Unknown_ids_are_404_and_malformed_ids_400()
    {
        await using var api = new ApiFactory();
        var fraAdmin = api.As(DemoKeys.FraAdmin);
        var cases = new (string Method, string Url, HttpStatusCode Status)[]
        {
            ("DELETE", "/api/v1/clients/019a4a3e-8c1f-7d2a-9b3c-4d5e6f708192", HttpStatusCode.NotFound),
            ("POST", "/api/v1/clients/019a4a3e-8c1f-7d2a-9b3c-4d5e6f708192/rotate", HttpStatusCode.NotFound),
            ("DELETE", "/api/v1/clients/not-a-uuid", HttpStatusCode.BadRequest),
            ("POST", "/api/v1/clients/not-a-uuid/rotate", HttpStatusCode.BadRequest),
            ("DELETE", "/api/v1/clients/123", HttpStatusCode.BadRequest),
            ("POST", "/api/v1/clients/%27%20OR%201=1--/rotate", HttpStatusCode.BadRequest),
        };
        foreach (var (method, url, status) in cases)
        {
            var text = await (await fraAdmin.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)))
                .ExpectProblemTextAsync(status, $"{method} {url}");
            if (status == HttpStatusCode.BadRequest) Assert.Contains("id", JsonNode.Parse(text)!.AsObject().Names());
        }
    }

    private static readonly (string Body, string Field)[] InvalidBodies =
    [
        ("""{"role":"minister","state":"FRA","name":"x"}""", "role"),
        ("""{"state":"FRA","name":"x"}""", "role"),
        ("""{"role":"central-authority","state":"XXX","name":"x"}""", "state"),
        ("""{"role":"central-authority","state":"fra","name":"x"}""", "state"),
        ("""{"role":"contact-point","name":"x"}""", "state"),
        ("""{"role":"secretariat","state":"FRA","name":"x"}""", "state"),
        ("""{"role":"central-authority","state":"FRA"}""", "name"),
        ("""{"role":"central-authority","state":"FRA","name":""}""", "name"),
        ("""{"role":"central-authority","state":"FRA","name":"x","key":"uncc_00000000_chosen-by-the-caller"}""", "key"),
    ];

    [Fact]
    public async Task Invalid_client_bodies_are_400_naming_the_field_and_create_nothing()
    {
        await using var api = new ApiFactory();
        var secretariat = api.As(DemoKeys.Secretariat);
        var before = (await (await secretariat.GetAsync($"{ClientsUrl}?limit=200")).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray().Count;

        foreach (var (body, field) in InvalidBodies)
        {
            var text = await (await secretariat.PostRawAsync(ClientsUrl, body)).ExpectProblemTextAsync(HttpStatusCode.BadRequest, body);
            var problem = JsonNode.Parse(text)!.AsObject();
            Assert.True(problem.Names().Contains(field), $"{body}: errors name {string.Join(", ", problem.Names())}, not {field}");
            Assert.DoesNotContain("uncc_", text.Replace("uncc_00000000_chosen-by-the-caller", ""));
        }

        var after = (await (await secretariat.GetAsync($"{ClientsUrl}?limit=200")).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray().Count;
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_contact_point_client_drafts_expedited_preservation_but_not_mutual_legal_assistance()
    {
        await using var api = new ApiFactory();
        var issued = await api.As(DemoKeys.DeuAdmin).CreateClientAsync("contact-point", "DEU", "Germany 24/7 (test)");
        var contactPoint = api.As(issued.Key);

        var preservation = await (await contactPoint.PostJsonAsync("/api/v1/requests", Bodies.MinimalDraft("FRA", "expedited-preservation")))
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("DEU", preservation["requestingState"].Str());
        Assert.Equal("expedited-preservation", preservation["kind"].Str());

        var refused = await (await contactPoint.PostJsonAsync("/api/v1/requests", Bodies.MinimalDraft("FRA", "mutual-legal-assistance")))
            .ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.StartsWith("UNCC Art. 41(1): ", refused["detail"].Str()); // the 24/7 network, cited from the catalogue
        var mine = await contactPoint.AllOutgoingAsync();
        Assert.Equal(preservation["id"].Str(), Assert.Single(mine)["id"].Str());
    }
}
