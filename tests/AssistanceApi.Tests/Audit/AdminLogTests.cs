using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Auth;
using AssistanceApi.Features.Clients;
using AssistanceApi.Http;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.ClientCalls;

namespace AssistanceApi.Tests.Audit;

/// <summary>
/// Separation of duties (issue 11, item 2): a State's state-admin manages its own clients, the secretariat only creates
/// a State's first state-admin and revokes in an emergency, and every change is in the State's hash-chained admin log.
/// </summary>
public sealed class AdminLogTests
{
    private const string DemoSecretariatId = "0193a000-0000-7000-8000-000000000010";

    private static string LogUrl(string state) => $"/api/v1/states/{state}/admin-log";

    private static async Task<JsonObject> LogAsync(HttpClient reader, string url) =>
        await (await reader.GetAsync(url)).ExpectAsync(HttpStatusCode.OK);

    private static async Task<string> ForbiddenCodeAsync(HttpResponseMessage response, string context)
    {
        var problem = JsonNode.Parse(await response.ExpectProblemTextAsync(HttpStatusCode.Forbidden, context))!.AsObject();
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"].Str()), context);
        var code = Assert.Single(problem.Codes());
        Assert.Equal($"/problems/{code}", problem["type"].Str());
        return code;
    }

    [Fact]
    public async Task Every_change_to_a_States_clients_and_entry_is_in_its_log_with_every_key_prefix_and_no_key()
    {
        await using var api = new ApiFactory();
        var fraAdmin = api.As(DemoKeys.FraAdmin);
        var created = await fraAdmin.CreateClientAsync("central-authority", "FRA", "France (logged)");
        var rotated = await fraAdmin.RotateAsync(created.Id);
        await api.As(DemoKeys.Secretariat).RevokeAsync(created.Id);
        await (await api.As(DemoKeys.Secretariat).PutAsync("/api/v1/states/FRA",
            new StringContent(Bodies.StateBody().ToJsonString(), System.Text.Encoding.UTF8, "application/json"))).ExpectAsync(HttpStatusCode.OK);

        var log = await LogAsync(fraAdmin, LogUrl("FRA"));
        var text = log.ToJsonString();
        Assert.True(log["chainValid"]!.GetValue<bool>(), text);
        var items = log["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.Equal(["client-created", "client-rotated", "client-revoked", "directory-updated"], items.Select(i => i["action"].Str()));
        Assert.Equal([1L, 2L, 3L, 4L], items.Select(i => i["sequence"]!.GetValue<long>()));
        Assert.Equal(new string('0', 64), items[0]["previousHash"].Str());
        for (var i = 1; i < items.Count; i++) Assert.Equal(items[i - 1]["hash"].Str(), items[i]["previousHash"].Str());

        // Who: FRA's state-admin created and rotated, the secretariat revoked and edited the directory.
        Assert.Equal("state-admin", items[0]["actor"]!["role"].Str());
        Assert.Equal("FRA", items[0]["actor"]!["state"].Str());
        Assert.Equal("0193a000-0000-7000-8000-000000000011", items[0]["actor"]!["clientId"].Str());
        Assert.Equal("secretariat", items[2]["actor"]!["role"].Str());
        Assert.Null(items[2]["actor"]!["state"]);
        Assert.Equal("FRA", items[3]["target"].Str());

        // Every key ever issued for FRA shows by its prefix; no key, no secret, no hash.
        Assert.Equal(created.Id, items[0]["target"].Str());
        Assert.Equal(created.Prefix, items[0]["details"]!["keyPrefix"].Str());
        Assert.Equal("central-authority", items[0]["details"]!["role"].Str());
        Assert.Equal("France (logged)", items[0]["details"]!["name"].Str());
        Assert.Equal(created.Id, items[0]["details"]!["clientId"].Str());
        Assert.Equal(rotated.Prefix, items[1]["details"]!["keyPrefix"].Str());
        foreach (var key in new[] { created, rotated })
        {
            Assert.DoesNotContain(key.Secret, text);
            Assert.DoesNotContain(ApiKeys.Hash(key.Key), text);
        }

        // The secretariat reads it too; another State's log holds none of it.
        Assert.Equal(text, (await LogAsync(api.As(DemoKeys.Secretariat), LogUrl("FRA"))).ToJsonString());
        var deu = await LogAsync(api.As(DemoKeys.DeuAdmin), LogUrl("DEU"));
        Assert.Empty(deu["items"]!.AsArray());
        Assert.True(deu["chainValid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_log_is_paged_by_cursor()
    {
        await using var api = new ApiFactory();
        var fraAdmin = api.As(DemoKeys.FraAdmin);
        for (var i = 0; i < 5; i++) await fraAdmin.CreateClientAsync("contact-point", "FRA", $"France 24/7 #{i}");

        var first = await LogAsync(fraAdmin, LogUrl("FRA") + "?limit=2");
        Assert.Equal([1L, 2L], first["items"]!.AsArray().Select(i => i!["sequence"]!.GetValue<long>()));
        var second = await LogAsync(fraAdmin, $"{LogUrl("FRA")}?limit=2&cursor={first["nextCursor"].Str()}");
        Assert.Equal([3L, 4L], second["items"]!.AsArray().Select(i => i!["sequence"]!.GetValue<long>()));
        var last = await LogAsync(fraAdmin, $"{LogUrl("FRA")}?limit=2&cursor={second["nextCursor"].Str()}");
        Assert.Equal([5L], last["items"]!.AsArray().Select(i => i!["sequence"]!.GetValue<long>()));
        Assert.Null(last["nextCursor"]);

        await (await fraAdmin.GetAsync(LogUrl("FRA") + "?limit=0")).ExpectProblemTextAsync(HttpStatusCode.BadRequest, "limit 0");
        await (await fraAdmin.GetAsync(LogUrl("FRA") + "?cursor=bm90LWEtbnVtYmVy")).ExpectProblemTextAsync(HttpStatusCode.BadRequest, "a cursor that is no sequence");
    }

    [Theory]
    [InlineData("UPDATE admin_events SET details = REPLACE(details, 'France (tampered)', 'France (forged)') WHERE log = 'FRA' AND sequence = 1")]
    [InlineData("UPDATE admin_events SET actor_client = NULL, actor_state = NULL, actor_role = NULL WHERE log = 'FRA' AND sequence = 2")]
    [InlineData("DELETE FROM admin_events WHERE log = 'FRA' AND sequence = 2")]
    [InlineData("UPDATE admin_events SET sequence = 9 WHERE log = 'FRA' AND sequence = 3")]
    [InlineData("DELETE FROM admin_events WHERE log = 'FRA' AND sequence = 3")]
    [InlineData("UPDATE admin_log_tips SET length = 2 WHERE log = 'FRA'")]
    [InlineData("DELETE FROM admin_log_tips WHERE log = 'FRA'")]
    public async Task A_row_changed_behind_the_API_makes_chainValid_false(string tampering)
    {
        await using var api = new ApiFactory();
        var fraAdmin = api.As(DemoKeys.FraAdmin);
        var client = await fraAdmin.CreateClientAsync("central-authority", "FRA", "France (tampered)");
        await fraAdmin.RotateAsync(client.Id);
        await fraAdmin.RevokeAsync(client.Id);
        Assert.True((await LogAsync(fraAdmin, LogUrl("FRA")))["chainValid"]!.GetValue<bool>());

        Assert.Equal(1, await api.Database.ExecuteAsync(tampering));

        Assert.False((await LogAsync(fraAdmin, LogUrl("FRA")))["chainValid"]!.GetValue<bool>());
        Assert.False((await LogAsync(api.As(DemoKeys.Secretariat), LogUrl("FRA")))["chainValid"]!.GetValue<bool>());
        Assert.True((await LogAsync(api.As(DemoKeys.DeuAdmin), LogUrl("DEU")))["chainValid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_last_event_and_the_tip_rewritten_without_the_chain_key_do_not_verify()
    {
        await using var api = new ApiFactory();
        var fraAdmin = api.As(DemoKeys.FraAdmin);
        var hidden = await fraAdmin.CreateClientAsync("central-authority", "FRA", "A key nobody should see");
        Assert.True((await LogAsync(fraAdmin, LogUrl("FRA")))["chainValid"]!.GetValue<bool>());

        // Someone with write access to the database turns the issuing of a key into something harmless and
        // recomputes the hash and the tip seal as well as anyone can without the server's key.
        var last = (await api.Database.QueryAsync<AssistanceApi.Audit.AdminLogEvent>(
            $"SELECT {AssistanceApi.Audit.AdminLog.Columns} FROM admin_events WHERE log = 'FRA' ORDER BY sequence DESC LIMIT 1")).Single();
        Assert.Contains(hidden.Id.ToString(), last.Details);
        var forged = new AssistanceApi.Audit.AdminLogEvent
        {
            Log = last.Log, Sequence = last.Sequence, At = last.At, Action = AssistanceApi.Audit.AdminLogs.DirectoryUpdated, ActorClient = last.ActorClient,
            ActorState = last.ActorState, ActorRole = last.ActorRole, Target = "FRA", Details = "{}", PreviousHash = last.PreviousHash,
        };
        foreach (var key in new[] { (string?)null, "a-chain-key-the-server-does-not-have-0123456789" })
        {
            forged.KeyId = key is null ? last.KeyId : AssistanceApi.Audit.ChainKeys.IdOf(key);
            forged.Hash = key is null
                ? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(AssistanceApi.Audit.AdminLogHash.Canonical(forged)))
                : new AssistanceApi.Audit.ChainKeys(key).Sign(AssistanceApi.Audit.AdminLogHash.Canonical(forged)).Hash;
            var seal = key is null ? $"{last.KeyId}:{forged.Hash}" : new AssistanceApi.Audit.ChainKeys(key).Seal(AssistanceApi.Audit.AdminLogHash.TipBytes("FRA", forged.Sequence, forged.Hash));
            await api.Database.ExecuteAsync(
                "UPDATE admin_events SET action = @Action, target = @Target, details = @Details, key_id = @KeyId, hash = @Hash WHERE log = 'FRA' AND sequence = @Sequence",
                forged);
            await api.Database.ExecuteAsync("UPDATE admin_log_tips SET seal = @seal WHERE log = 'FRA'", new { seal });

            Assert.False((await LogAsync(fraAdmin, LogUrl("FRA")))["chainValid"]!.GetValue<bool>(), key ?? "plain SHA-256");
        }
    }

    [Fact]
    public async Task The_secretariat_creates_only_a_States_first_state_admin()
    {
        await using var api = new ApiFactory();
        var secretariat = api.As(DemoKeys.Secretariat);

        // Not a State: it issues no State's working keys, and no secretariat key through the API.
        Assert.Equal("secretariat-is-not-a-state", await ForbiddenCodeAsync(
            await secretariat.PostJsonAsync(ClientsUrl, ClientBody("central-authority", "DEU", "Germany (by the secretariat)")), "central authority"));
        Assert.Equal("secretariat-is-not-a-state", await ForbiddenCodeAsync(
            await secretariat.PostJsonAsync(ClientsUrl, ClientBody("contact-point", "KEN", "Kenya 24/7 (by the secretariat)")), "contact point"));
        Assert.Equal("secretariat-clients-by-cli-only", await ForbiddenCodeAsync(
            await secretariat.PostJsonAsync(ClientsUrl, ClientBody("secretariat", null, "Second secretariat")), "secretariat"));
        // FRA has an active state-admin: only it issues FRA's keys.
        Assert.Equal("state-admin-exists", await ForbiddenCodeAsync(
            await secretariat.PostJsonAsync(ClientsUrl, ClientBody("state-admin", "FRA", "France admin (by the secretariat)")), "FRA admin"));

        // KEN has none: the secretariat creates KEN's first, which then issues KEN's keys.
        var kenAdmin = await secretariat.CreateClientAsync("state-admin", "KEN", "Kenya state-admin");
        Assert.Equal("state-admin-exists", await ForbiddenCodeAsync(
            await secretariat.PostJsonAsync(ClientsUrl, ClientBody("state-admin", "KEN", "Kenya admin, again")), "second KEN admin"));
        var kenCa = await api.As(kenAdmin.Key).CreateClientAsync("central-authority", "KEN", "Kenya central authority");
        var draft = await (await api.As(kenCa.Key).PostJsonAsync("/api/v1/requests", Bodies.MinimalDraft("DEU"))).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("KEN", draft["requestingState"].Str());

        // A state-admin issues keys for its own State only, and never a secretariat key.
        Assert.Equal("other-state", await ForbiddenCodeAsync(
            await api.As(kenAdmin.Key).PostJsonAsync(ClientsUrl, ClientBody("central-authority", "DEU", "Germany (by Kenya)")), "KEN admin for DEU"));
        Assert.Equal("secretariat-clients-by-cli-only", await ForbiddenCodeAsync(
            await api.As(kenAdmin.Key).PostJsonAsync(ClientsUrl, ClientBody("secretariat", null, "Kenya's secretariat")), "KEN admin for the secretariat"));

        // The secretariat may not rotate (only revoke): not even a State's admin.
        Assert.Equal("secretariat-may-only-revoke", await ForbiddenCodeAsync(
            await secretariat.PostAsync($"{ClientsUrl}/{kenAdmin.Id}/rotate", null), "secretariat rotate"));

        // Emergency: the secretariat revokes KEN's admin, and may then create a new first one.
        await secretariat.RevokeAsync(kenAdmin.Id);
        await (await api.As(kenAdmin.Key).GetAsync(ClientsUrl)).ExpectProblemTextAsync(HttpStatusCode.Unauthorized, "revoked admin");
        await secretariat.CreateClientAsync("state-admin", "KEN", "Kenya state-admin, new");

        var log = (await LogAsync(secretariat, LogUrl("KEN")))["items"]!.AsArray();
        Assert.Equal(["client-created", "client-created", "client-revoked", "client-created"], log.Select(i => i!["action"].Str()));
        Assert.Equal(["secretariat", "state-admin", "secretariat", "secretariat"], log.Select(i => i!["actor"]!["role"].Str()));
    }

    [Fact]
    public async Task A_state_admin_sees_and_touches_only_its_own_States_clients()
    {
        await using var api = new ApiFactory();
        var fra = await api.As(DemoKeys.FraAdmin).CreateClientAsync("central-authority", "FRA", "France (not Germany's)");
        var deuAdmin = api.As(DemoKeys.DeuAdmin);

        var listed = (await (await deuAdmin.GetAsync($"{ClientsUrl}?limit=200")).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Equal(["DEU"], listed.Select(c => c!["state"].Str()).Distinct());
        Assert.Contains(listed, c => c!["role"].Str() == "state-admin");

        await (await deuAdmin.PostAsync($"{ClientsUrl}/{fra.Id}/rotate", null)).ExpectProblemTextAsync(HttpStatusCode.NotFound, "rotate FRA's");
        await (await deuAdmin.DeleteAsync($"{ClientsUrl}/{fra.Id}")).ExpectProblemTextAsync(HttpStatusCode.NotFound, "revoke FRA's");
        await (await deuAdmin.DeleteAsync($"{ClientsUrl}/{DemoSecretariatId}")).ExpectProblemTextAsync(HttpStatusCode.NotFound, "revoke the secretariat");
        await (await api.As(fra.Key).GetAsync("/api/v1/states")).ExpectAsync(HttpStatusCode.OK);

        // Another State's log is 403 to it (the directory is public: nothing leaks); an unknown State is 404.
        await (await deuAdmin.GetAsync(LogUrl("FRA"))).ExpectProblemTextAsync(HttpStatusCode.Forbidden, "FRA's log");
        await (await deuAdmin.GetAsync(LogUrl("XXX"))).ExpectProblemTextAsync(HttpStatusCode.NotFound, "XXX's log");
        await (await deuAdmin.GetAsync("/api/v1/secretariat/admin-log")).ExpectProblemTextAsync(HttpStatusCode.Forbidden, "the secretariat's log");
    }

    [Fact]
    public async Task The_secretariat_cannot_revoke_its_own_client_and_its_clients_have_a_log_of_their_own()
    {
        await using var api = new ApiFactory();
        var secretariat = api.As(DemoKeys.Secretariat);
        var problem = JsonNode.Parse(await (await secretariat.DeleteAsync($"{ClientsUrl}/{DemoSecretariatId}"))
            .ExpectProblemTextAsync(HttpStatusCode.Conflict, "own client"))!.AsObject();
        Assert.Equal("/problems/own-client", problem["type"].Str());
        await (await secretariat.GetAsync(ClientsUrl)).ExpectAsync(HttpStatusCode.OK);

        // With a second secretariat client (made by the CLI), each may revoke the other in an emergency, never itself.
        var second = await api.InsertSecretariatClientAsync("Second secretariat");
        await (await api.As(second.Key).DeleteAsync($"{ClientsUrl}/{second.Id}")).ExpectProblemTextAsync(HttpStatusCode.Conflict, "second, itself");
        await secretariat.RevokeAsync(second.Id);
        await (await api.As(second.Key).GetAsync(ClientsUrl)).ExpectProblemTextAsync(HttpStatusCode.Unauthorized, "revoked secretariat");

        var log = await LogAsync(secretariat, "/api/v1/secretariat/admin-log");
        var item = Assert.Single(log["items"]!.AsArray())!;
        Assert.Equal("client-revoked", item["action"].Str());
        Assert.Equal(second.Id, item["target"].Str());
        Assert.Equal(DemoSecretariatId, item["actor"]!["clientId"].Str());
        Assert.True(log["chainValid"]!.GetValue<bool>());
    }

    [Fact]
    public void The_last_active_secretariat_client_is_never_revoked_by_the_secretariat()
    {
        // Only reachable when two secretariat clients revoke each other at once (the log lock orders them): the rule itself.
        var caller = new Caller(Guid.NewGuid(), null, ClientRoles.Secretariat);
        var other = new ClientView { Id = Guid.NewGuid(), Role = ClientRoles.Secretariat, Name = "other" };
        var conflict = Assert.Throws<ApiProblemException>(() => ClientRules.MayRevoke(caller, other, activeSecretariatClients: 1));
        Assert.Equal(409, conflict.Problem.Status);
        Assert.Equal("/problems/last-secretariat", conflict.Problem.Type);
        ClientRules.MayRevoke(caller, other, activeSecretariatClients: 2);
        ClientRules.MayRevoke(null, other, activeSecretariatClients: 1); // the operator at the server may
    }

    [Fact]
    public async Task Simultaneous_changes_to_one_States_clients_make_one_unbroken_chain()
    {
        await using var api = new ApiFactory();
        var fraAdmin = api.As(DemoKeys.FraAdmin);
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => fraAdmin.CreateClientAsync("contact-point", "FRA", $"France 24/7 #{i}")));

        var log = await LogAsync(fraAdmin, LogUrl("FRA") + "?limit=200");
        Assert.True(log["chainValid"]!.GetValue<bool>(), log.ToJsonString());
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), log["items"]!.AsArray().Select(i => i!["sequence"]!.GetValue<long>()));
    }
}
