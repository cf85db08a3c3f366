using System.Net;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.ClientCalls;
using static AssistanceApi.Tests.Support.Http;

namespace AssistanceApi.Tests.Auth;

/// <summary>
/// Every endpoint × every kind of caller that must be turned away (contract §1 status codes, §2 visibility):
/// no key, a bad key, a revoked key → 401; another State → 404 on a request; the wrong role → 403. Each
/// refusal is problem+json, and nothing a refused caller receives holds the request's contents.
/// </summary>
public sealed class AccessMatrixTests
{
    public enum Scope
    {
        /// <summary>States, provisions, offences: every authenticated role reads them.</summary>
        Directory,
        /// <summary>PUT /states/{code}: secretariat only.</summary>
        DirectoryWrite,
        /// <summary>POST /requests and /requests/validation: central authorities and contact points.</summary>
        RequestCollection,
        /// <summary>GET /requests: filtered to what the caller may see.</summary>
        RequestList,
        /// <summary>Everything under /requests/{id}: the FRA→DEU request of the test.</summary>
        RequestItem,
        /// <summary>/clients: state-admins (their own State's) and the secretariat (a first state-admin, emergency revocation).</summary>
        Clients,
        /// <summary>GET /states/{code}/admin-log: that State's state-admin and the secretariat.</summary>
        AdminLog,
        /// <summary>GET /secretariat/admin-log: the secretariat only.</summary>
        SecretariatLog,
        /// <summary>GET /statistics: central authorities, contact points, the secretariat; never a state-admin.</summary>
        Statistics,
    }

    public sealed record Row(string Method, string Path, Scope Scope, JsonNode? Body = null, string MediaType = "application/json")
    {
        public string Name => $"{Method} {Path}";

        /// <summary>Rows are checked in groups, one host per group, to keep the suite fast.</summary>
        public string Group => Scope switch
        {
            Scope.Directory or Scope.DirectoryWrite => "directory",
            Scope.RequestCollection or Scope.RequestList => "requests",
            Scope.RequestItem when Path.Count(c => c == '/') == 4 || Path.EndsWith("validation") || Path.EndsWith("submit") => "request",
            Scope.RequestItem when Path.EndsWith("history") || Path.EndsWith("messages") => "request",
            Scope.RequestItem => Array.IndexOf(ActionNames, Path[(Path.LastIndexOf('/') + 1)..]) < 6 ? "actions-1" : "actions-2",
            Scope.AdminLog or Scope.SecretariatLog or Scope.Statistics => "administration",
            _ => "clients",
        };
    }

    private static readonly string[] ActionNames =
    [
        "withdraw", "acknowledge", "request-information", "provide-information", "start-execution", "consult",
        "accept-conditions", "decline-conditions", "refuse", "postpone", "resume", "complete",
    ];

    private static JsonObject Obj(params (string Key, JsonNode? Value)[] fields)
    {
        var o = new JsonObject();
        foreach (var (key, value) in fields) o[key] = value;
        return o;
    }

    private static readonly Row[] Table =
    [
        new("GET", "/api/v1/states", Scope.Directory),
        new("GET", "/api/v1/states?party=true", Scope.Directory),
        new("GET", "/api/v1/states/FRA", Scope.Directory),
        new("GET", "/api/v1/provisions", Scope.Directory),
        new("GET", "/api/v1/provisions/uncc-40-15-c", Scope.Directory),
        new("GET", "/api/v1/offences", Scope.Directory),
        new("PUT", "/api/v1/states/FRA", Scope.DirectoryWrite, Bodies.StateBody()),

        new("POST", "/api/v1/requests", Scope.RequestCollection, Bodies.MinimalDraft()),
        new("POST", "/api/v1/requests/validation", Scope.RequestCollection, Bodies.CompleteMla()),
        new("GET", "/api/v1/requests", Scope.RequestList),

        new("GET", "/api/v1/requests/{id}", Scope.RequestItem),
        new("PATCH", "/api/v1/requests/{id}", Scope.RequestItem, Obj(("purpose", "Changed by an intruder")), "application/merge-patch+json"),
        new("DELETE", "/api/v1/requests/{id}", Scope.RequestItem),
        new("POST", "/api/v1/requests/{id}/validation", Scope.RequestItem),
        new("POST", "/api/v1/requests/{id}/submit", Scope.RequestItem),
        new("POST", "/api/v1/requests/{id}/withdraw", Scope.RequestItem, Obj(("reason", "The suspect confessed."))),
        new("POST", "/api/v1/requests/{id}/acknowledge", Scope.RequestItem, Obj(("requestedReference", "BfJ-2026-1"))),
        new("POST", "/api/v1/requests/{id}/request-information", Scope.RequestItem, Obj(("questions", new JsonArray("Which mailbox?")))),
        new("POST", "/api/v1/requests/{id}/provide-information", Scope.RequestItem, Obj(("answers", new JsonArray("ransom@mail.example.org")))),
        new("POST", "/api/v1/requests/{id}/start-execution", Scope.RequestItem, new JsonObject()),
        new("POST", "/api/v1/requests/{id}/consult", Scope.RequestItem,
            Obj(("intent", "refuse"), ("proposedConditions", new JsonArray("Use only in proceeding PNC-2026-42")))),
        new("POST", "/api/v1/requests/{id}/accept-conditions", Scope.RequestItem, Obj(("comment", "Agreed."))),
        new("POST", "/api/v1/requests/{id}/decline-conditions", Scope.RequestItem, Obj(("comment", "We need the data."))),
        new("POST", "/api/v1/requests/{id}/refuse", Scope.RequestItem,
            Obj(("grounds", new JsonArray("essential-interests")), ("reasons", "National security."))),
        new("POST", "/api/v1/requests/{id}/postpone", Scope.RequestItem, Obj(("reasons", "A domestic trial is under way."), ("until", "2027-03-01"))),
        new("POST", "/api/v1/requests/{id}/resume", Scope.RequestItem, new JsonObject()),
        new("POST", "/api/v1/requests/{id}/complete", Scope.RequestItem, Obj(("outcome", "executed"), ("summary", "Witness heard."))),
        new("GET", "/api/v1/requests/{id}/history", Scope.RequestItem),
        new("GET", "/api/v1/requests/{id}/messages", Scope.RequestItem),
        new("POST", "/api/v1/requests/{id}/messages", Scope.RequestItem, Obj(("kind", "status-inquiry"), ("text", "Where do things stand?"))),

        new("GET", "/api/v1/clients", Scope.Clients),
        new("POST", "/api/v1/clients", Scope.Clients, ClientBody("central-authority", "FRA", "Intruder's client")),
        new("DELETE", "/api/v1/clients/{client}", Scope.Clients),
        new("POST", "/api/v1/clients/{client}/rotate", Scope.Clients),

        new("GET", "/api/v1/states/FRA/admin-log", Scope.AdminLog),
        new("GET", "/api/v1/secretariat/admin-log", Scope.SecretariatLog),
        new("GET", "/api/v1/statistics", Scope.Statistics),
    ];

    public static TheoryData<string> Groups => new(Table.Select(r => r.Group).Distinct());

    [Fact]
    public void The_table_covers_the_twelve_lifecycle_actions_and_every_route_family()
    {
        foreach (var action in ActionNames) Assert.Contains(Table, r => r.Method == "POST" && r.Path == $"/api/v1/requests/{{id}}/{action}");
        Assert.Equal(Table.Length, Table.Select(r => $"{r.Method} {r.Path}").Distinct().Count());
        Assert.Equal(37, Table.Length);
        Assert.Equal(6, Table.Count(r => r.Group == "actions-1"));
        Assert.Equal(6, Table.Count(r => r.Group == "actions-2"));
        Assert.Equal(8, Table.Count(r => r.Group == "request"));
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public async Task Each_endpoint_turns_away_every_caller_it_must(string group)
    {
        await using var api = new ApiFactory();
        var secretariat = api.As(DemoKeys.Secretariat);
        var fra = api.As(DemoKeys.Fra);
        var fraAdmin = api.As(DemoKeys.FraAdmin);

        // Keys that worked once and were revoked: one of a State, one of the secretariat (made as the CLI makes them).
        var revokedCa = await fraAdmin.CreateClientAsync("central-authority", "FRA", "Matrix FRA (revoked)");
        var revokedSecretariat = await api.InsertSecretariatClientAsync("Matrix secretariat (revoked)");
        foreach (var revoked in new[] { revokedCa, revokedSecretariat })
        {
            await (await api.As(revoked.Key).GetAsync("/api/v1/states/FRA")).ExpectAsync(HttpStatusCode.OK);
            await secretariat.RevokeAsync(revoked.Id);
        }
        var live = await fraAdmin.CreateClientAsync("central-authority", "FRA", "Matrix FRA (live)");
        string[] stateAdmins = [DemoKeys.FraAdmin, DemoKeys.DeuAdmin];

        // The FRA→DEU request whose contents nobody else may see.
        var facts = $"Matrix facts {Guid.NewGuid():N}";
        var body = Bodies.CompleteMla();
        body["facts"] = facts;
        var id = await fra.SubmitNewAsync(body);
        var before = await (await fra.GetAsync($"/api/v1/requests/{id}")).ExpectAsync(HttpStatusCode.OK);
        string[] secrets = [facts, before["reference"].Str(), "Ransomware attack on a hospital", "Parquet national cyber", "A. Witness"];
        var stateBefore = await (await fra.GetAsync("/api/v1/states/FRA")).Content.ReadAsStringAsync();

        // 401 keys: unknown, well-formed with an unknown prefix, a live prefix with a wrong or empty secret.
        var lastChar = live.Key[^1] == 'A' ? 'B' : 'A';
        string[] badKeys = ["demo-fra-ca-wrong", "uncc_0000beef_" + new string('A', 43), live.Key[..^1] + lastChar, $"uncc_{live.Prefix}_"];

        var rows = Table.Where(r => r.Group == group).ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var endpoint = row.Name;
            var url = row.Path.Replace("{id}", id).Replace("{client}", live.Id);
            HttpRequestMessage Message() => Support.Http.Message(row.Method, url, row.Body, row.MediaType);

            async Task<string> Refused(string? key, HttpStatusCode status, string who) =>
                await (await api.As(key).SendAsync(Message())).ExpectProblemTextAsync(status, $"{endpoint} as {who}");

            void NoContents(string text, string who)
            {
                foreach (var secret in secrets)
                    Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{endpoint} as {who} leaked '{secret}': {text}");
            }

            NoContents(await Refused(null, HttpStatusCode.Unauthorized, "no key"), "no key");
            foreach (var bad in badKeys) NoContents(await Refused(bad, HttpStatusCode.Unauthorized, $"bad key '{bad}'"), "a bad key");
            NoContents(await Refused(revokedCa.Key, HttpStatusCode.Unauthorized, "revoked FRA key"), "a revoked key");
            NoContents(await Refused(revokedSecretariat.Key, HttpStatusCode.Unauthorized, "revoked secretariat key"), "a revoked key");

            switch (row.Scope)
            {
                case Scope.Directory:
                    foreach (var reader in new[] { DemoKeys.Secretariat, DemoKeys.Fra, DemoKeys.Fra247, DemoKeys.Deu247, DemoKeys.Nor, live.Key })
                    {
                        var response = await api.As(reader).SendAsync(Message());
                        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{endpoint} as {reader}: {(int)response.StatusCode}");
                    }
                    break;

                case Scope.DirectoryWrite:
                    foreach (var (key, who) in new[] { (DemoKeys.Fra, "FRA central authority"), (DemoKeys.Fra247, "FRA contact point"), (live.Key, "FRA client"), (DemoKeys.FraAdmin, "FRA state-admin") })
                        await Refused(key, HttpStatusCode.Forbidden, who);
                    break;

                case Scope.RequestCollection:
                    NoContents(await Refused(DemoKeys.Secretariat, HttpStatusCode.Forbidden, "secretariat"), "secretariat");
                    foreach (var admin in stateAdmins) NoContents(await Refused(admin, HttpStatusCode.Forbidden, admin), admin);
                    break;

                case Scope.RequestList:
                    NoContents(await Refused(DemoKeys.Secretariat, HttpStatusCode.Forbidden, "secretariat"), "secretariat");
                    foreach (var admin in stateAdmins) NoContents(await Refused(admin, HttpStatusCode.Forbidden, admin), admin);
                    var braList = await (await api.As(DemoKeys.Bra).SendAsync(Message())).ExpectAsync(HttpStatusCode.OK);
                    Assert.DoesNotContain(id, braList.ToJsonString());
                    NoContents(braList.ToJsonString(), "BRA");
                    break;

                case Scope.RequestItem:
                    NoContents(await Refused(DemoKeys.Bra, HttpStatusCode.NotFound, "BRA"), "BRA");
                    NoContents(await Refused(DemoKeys.Secretariat, HttpStatusCode.Forbidden, "secretariat"), "secretariat");
                    // A State's own administrator never reads its requests either.
                    foreach (var admin in stateAdmins) NoContents(await Refused(admin, HttpStatusCode.Forbidden, admin), admin);
                    break;

                case Scope.Clients:
                    foreach (var (key, who) in new[] { (DemoKeys.Fra, "FRA central authority"), (DemoKeys.Deu, "DEU central authority"), (DemoKeys.Fra247, "FRA contact point") })
                        await Refused(key, HttpStatusCode.Forbidden, who);
                    // Another State's administrator: may not issue FRA's keys (403); FRA's client does not exist for it (404).
                    if (row.Method == "GET")
                    {
                        var deuList = await (await api.As(DemoKeys.DeuAdmin).SendAsync(Message())).ExpectAsync(HttpStatusCode.OK);
                        Assert.DoesNotContain(live.Id, deuList.ToJsonString());
                        Assert.All(deuList["items"]!.AsArray(), c => Assert.Equal("DEU", c!["state"].Str()));
                    }
                    else if (row.Path == "/api/v1/clients")
                    {
                        await Refused(DemoKeys.DeuAdmin, HttpStatusCode.Forbidden, "DEU state-admin");
                        await Refused(DemoKeys.Secretariat, HttpStatusCode.Forbidden, "secretariat, for a central authority");
                    }
                    else
                    {
                        await Refused(DemoKeys.DeuAdmin, HttpStatusCode.NotFound, "DEU state-admin");
                        if (row.Path.EndsWith("rotate")) await Refused(DemoKeys.Secretariat, HttpStatusCode.Forbidden, "secretariat");
                    }
                    break;

                case Scope.AdminLog:
                    foreach (var (key, who) in new[] { (DemoKeys.Fra, "FRA central authority"), (DemoKeys.Fra247, "FRA contact point"), (live.Key, "FRA client"), (DemoKeys.DeuAdmin, "DEU state-admin") })
                        await Refused(key, HttpStatusCode.Forbidden, who);
                    foreach (var reader in new[] { DemoKeys.FraAdmin, DemoKeys.Secretariat })
                        await (await api.As(reader).SendAsync(Message())).ExpectAsync(HttpStatusCode.OK);
                    await (await secretariat.GetAsync("/api/v1/states/XXX/admin-log")).ExpectProblemTextAsync(HttpStatusCode.NotFound, "an unknown State's log");
                    break;

                case Scope.SecretariatLog:
                    foreach (var (key, who) in new[] { (DemoKeys.Fra, "FRA central authority"), (DemoKeys.Fra247, "FRA contact point"), (DemoKeys.FraAdmin, "FRA state-admin") })
                        await Refused(key, HttpStatusCode.Forbidden, who);
                    await (await secretariat.SendAsync(Message())).ExpectAsync(HttpStatusCode.OK);
                    break;

                case Scope.Statistics:
                    foreach (var admin in stateAdmins) NoContents(await Refused(admin, HttpStatusCode.Forbidden, admin), admin);
                    break;
            }

            // Nobody turned away changed anything.
            var after = await (await fra.GetAsync($"/api/v1/requests/{id}")).ExpectAsync(HttpStatusCode.OK);
            Assert.True(before["version"]!.GetValue<long>() == after["version"]!.GetValue<long>(), $"{endpoint}: the request changed");
            Assert.Equal("submitted", after["status"].Str());
            Assert.Equal(facts, after["facts"].Str());
        }

        Assert.Equal(stateBefore, await (await fra.GetAsync("/api/v1/states/FRA")).Content.ReadAsStringAsync());
        await (await api.As(live.Key).GetAsync("/api/v1/states/FRA")).ExpectAsync(HttpStatusCode.OK);
        var clients = await (await secretariat.GetAsync($"{ClientsUrl}?limit=200")).ExpectAsync(HttpStatusCode.OK);
        // Only the three clients of this test were issued, and only the two revoked ones are revoked.
        var issued = clients["items"]!.AsArray().Where(c => c!["keyPrefix"] is not null).ToList();
        Assert.Equal(3, issued.Count);
        Assert.Equal(2, issued.Count(c => c!["revokedAt"] is not null));
    }
}
