using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AssistanceApi.Audit;
using AssistanceApi.Persistence;
using AssistanceApi.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace AssistanceApi.Tests.Audit;

/// <summary>
/// The keyed chain (issue 11, item 4): it covers the request's content and progress, the messages and its own end,
/// and database write access without the chain key cannot forge it. Every edit is made behind the API's back.
/// </summary>
public sealed class AuditChainTests(SharedApi api) : IClassFixture<SharedApi>
{
    private static object Of(Case c) => new { id = Guid.Parse(c.Id) };

    private static async Task<(long Sequence, string Reason)> BrokenAsync(Case c)
    {
        foreach (var client in new[] { c.Fra, c.Deu })
        {
            var history = await c.HistoryAsync(client);
            Assert.False(history["chainValid"]!.GetValue<bool>());
            Assert.Equal(history.ToJsonString(), (await c.HistoryAsync(c.Fra)).ToJsonString());
        }
        var error = (await c.HistoryAsync())["chainError"]!;
        return (error["sequence"]!.GetValue<long>(), error["reason"].Str());
    }

    private static async Task AssertValidAsync(Case c)
    {
        var history = await c.HistoryAsync();
        Assert.True(history["chainValid"]!.GetValue<bool>(), history["chainError"]?.ToJsonString());
        Assert.Null(history["chainError"]);
    }

    [Fact]
    public async Task Deleting_the_last_events_and_resetting_the_request_breaks_the_chain_at_the_first_missing_event()
    {
        var c = await Case.AtAsync(api, "executed");
        await AssertValidAsync(c);

        // Undo start-execution and complete: events 4 and 5 go, the request looks acknowledged again.
        Assert.Equal(2, await api.Database.ExecuteAsync("DELETE FROM request_events WHERE request_id = @id AND sequence >= 4", Of(c)));
        await api.Database.ExecuteAsync(
            "UPDATE requests SET status = 'acknowledged', version = version - 2, closed_at = NULL, progress = '{\"requestedReference\":\"BfJ-2026-1\"}' WHERE id = @id", Of(c));

        Assert.Equal((4, ChainCheck.Missing), await BrokenAsync(c));
        Assert.Equal(3, (await c.HistoryAsync())["events"]!.AsArray().Count);
    }

    [Fact]
    public async Task Moving_the_tip_back_with_the_deleted_events_still_shows_without_the_key()
    {
        var c = await Case.AtAsync(api, "executed");
        var third = (await c.HistoryAsync())["events"]![2]!["hash"].Str();

        await api.Database.ExecuteAsync("DELETE FROM request_events WHERE request_id = @id AND sequence >= 4", Of(c));
        await api.Database.ExecuteAsync("UPDATE requests SET chain_length = 3, chain_tip = @third WHERE id = @id", new { id = Guid.Parse(c.Id), third });

        Assert.Equal((3, ChainCheck.TipMismatch), await BrokenAsync(c));
    }

    [Fact]
    public async Task An_event_added_beyond_the_tip_breaks_the_chain()
    {
        var c = await Case.AtAsync(api, "acknowledged");
        await api.Database.ExecuteAsync("UPDATE requests SET chain_length = chain_length - 1 WHERE id = @id", Of(c));

        Assert.Equal((3, ChainCheck.BeyondTip), await BrokenAsync(c));
    }

    [Fact]
    public async Task Editing_the_facts_in_the_stored_content_breaks_the_chain_at_the_last_event()
    {
        var c = await Case.AtAsync(api, "acknowledged");
        var content = JsonNode.Parse((await api.Database.QueryAsync<string>("SELECT content FROM requests WHERE id = @id", Of(c))).Single())!.AsObject();
        content["facts"] = "Nothing happened.";

        Assert.Equal(1, await api.Database.ExecuteAsync("UPDATE requests SET content = @content WHERE id = @id",
            new { id = Guid.Parse(c.Id), content = content.ToJsonString() }));

        Assert.Equal((3, ChainCheck.StateMismatch), await BrokenAsync(c));
    }

    [Fact]
    public async Task Editing_the_progress_breaks_the_chain()
    {
        var c = await Case.AtAsync(api, "executed");
        await api.Database.ExecuteAsync("UPDATE requests SET progress = REPLACE(progress, 'Witness heard', 'Nobody heard') WHERE id = @id", Of(c));

        Assert.Equal((5, ChainCheck.StateMismatch), await BrokenAsync(c));
    }

    [Fact]
    public async Task An_edit_stays_visible_after_the_next_change_through_the_API()
    {
        var c = await Case.AtAsync(api, "submitted");
        await api.Database.ExecuteAsync("UPDATE requests SET content = REPLACE(content, '\"facts\":\"', '\"facts\":\"Forged. ') WHERE id = @id", Of(c));
        Assert.Equal((2, ChainCheck.StateMismatch), await BrokenAsync(c));

        // The next change signs the request as it leaves it, but also as it found it: not as submit left it.
        await c.ActAsync(c.Deu, "acknowledge");
        await c.ActAsync(c.Deu, "start-execution");
        Assert.Equal((2, ChainCheck.StateMismatch), await BrokenAsync(c));
    }

    [Fact]
    public async Task A_draft_edited_behind_the_API_stays_broken_after_a_patch_and_the_submission()
    {
        var c = await Case.AtAsync(api, "draft");
        await api.Database.ExecuteAsync("UPDATE requests SET emergency = NOT emergency WHERE id = @id", Of(c));

        await (await c.Fra.PatchJsonAsync(c.Url(), new JsonObject { ["purpose"] = "To establish how access was gained." })).ExpectAsync(HttpStatusCode.OK);
        await (await c.PostAsync(c.Fra, "submit", null)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal((1, ChainCheck.StateMismatch), await BrokenAsync(c));
    }

    [Fact]
    public async Task Editing_a_message_text_breaks_the_chain_at_its_message_event()
    {
        var c = await Case.AtAsync(api, "acknowledged");
        await (await c.PostAsync(c.Fra, "messages", new JsonObject { ["kind"] = "status-inquiry", ["text"] = "Any news?" })).ExpectAsync(HttpStatusCode.Created);
        await c.ActAsync(c.Deu, "start-execution");
        await AssertValidAsync(c);

        Assert.Equal(1, await api.Database.ExecuteAsync("UPDATE request_messages SET text = 'Please drop the case.' WHERE request_id = @id", Of(c)));

        Assert.Equal((4, ChainCheck.HashMismatch), await BrokenAsync(c));
    }

    [Fact]
    public async Task Deleting_a_message_breaks_the_chain_at_its_message_event()
    {
        var c = await Case.AtAsync(api, "acknowledged");
        await (await c.PostAsync(c.Deu, "messages", new JsonObject { ["kind"] = "clarification", ["text"] = "Which server?" })).ExpectAsync(HttpStatusCode.Created);

        await api.Database.ExecuteAsync("DELETE FROM request_messages WHERE request_id = @id", Of(c));

        Assert.Equal((4, ChainCheck.HashMismatch), await BrokenAsync(c));
    }

    [Fact]
    public async Task A_message_added_without_an_event_breaks_the_chain()
    {
        var c = await Case.AtAsync(api, "acknowledged");
        await (await c.PostAsync(c.Fra, "messages", new JsonObject { ["kind"] = "status-inquiry", ["text"] = "Any news?" })).ExpectAsync(HttpStatusCode.Created);
        await AssertValidAsync(c);

        // A reply from DEU that DEU never sent: the row alone, with no message event.
        Assert.Equal(1, await api.Database.ExecuteAsync(
            """
            INSERT INTO request_messages (id, request_id, sent_at, from_state, from_client, kind, subject, text)
            SELECT @forged, request_id, sent_at, 'DEU', from_client, kind, subject, 'We refuse: withdraw the request.' FROM request_messages WHERE request_id = @id
            """, new { id = Guid.Parse(c.Id), forged = Guid.CreateVersion7() }));

        Assert.Equal((4, "unrecorded-message"), await BrokenAsync(c));
    }

    [Fact]
    public async Task A_message_event_whose_message_id_was_made_a_number_breaks_the_chain_without_a_500()
    {
        var c = await Case.AtAsync(api, "acknowledged");
        await (await c.PostAsync(c.Fra, "messages", new JsonObject { ["kind"] = "status-inquiry", ["text"] = "Any news?" })).ExpectAsync(HttpStatusCode.Created);

        await api.Database.ExecuteAsync("UPDATE request_events SET details = '{\"messageId\":7}' WHERE request_id = @id AND action = 'message'", Of(c));

        Assert.Equal((4, ChainCheck.HashMismatch), await BrokenAsync(c));
    }

    [Fact]
    public async Task An_event_rehashed_with_plain_SHA256_does_not_verify()
    {
        var c = await Case.AtAsync(api, "executed");
        var events = await StoredEventsAsync(api, c);
        var third = events[2];

        // The forger knows every recipe but not the key: SHA-256 over the keyed bytes, with the key id kept.
        var forged = Convert.ToHexStringLower(SHA256.HashData(AuditHash.KeyedCanonical(third, null)));
        await api.Database.ExecuteAsync("UPDATE request_events SET hash = @forged WHERE request_id = @id AND sequence = 3",
            new { forged, id = Guid.Parse(c.Id) });

        Assert.Equal((3, ChainCheck.HashMismatch), await BrokenAsync(c));
    }

    [Fact]
    public async Task The_whole_chain_rewritten_with_the_unkeyed_recipe_does_not_verify()
    {
        var c = await Case.AtAsync(api, "executed");

        var last = await RewriteUnkeyedAsync(api, c, details: """{"forged":true}""");

        Assert.Equal((last, ChainCheck.TipMismatch), await BrokenAsync(c));
    }

    [Fact]
    public async Task A_chain_written_before_keys_existed_verifies_once_sealed_and_the_next_change_is_keyed()
    {
        await using var api = new ApiFactory(); // a host of its own: the sealing it runs covers every chain in the database
        var c = await Case.AtAsync(api, "acknowledged");
        await RewriteUnkeyedAsync(api, c, details: null);
        await api.Database.ExecuteAsync("UPDATE requests SET chain_seal = NULL WHERE id = @id", Of(c));
        Assert.False((await c.HistoryAsync())["chainValid"]!.GetValue<bool>());

        // What the start that migrates to keyed chains does, with the server's key.
        TypeHandlers.Register();
        await using (var database = new Database(new DatabaseOptions { Provider = TestDatabase.Provider, ConnectionString = api.Database.ConnectionString }))
        await using (var writer = new Writer(database))
            await LegacyChains.SealAsync(writer, new ChainKeys(ApiFactory.ChainKey));
        await AssertValidAsync(c);

        await c.ActAsync(c.Deu, "start-execution");
        await AssertValidAsync(c);
        var stored = await StoredEventsAsync(api, c);
        Assert.All(stored.Take(3), e => Assert.Null(e.KeyId));
        Assert.Equal(ChainKeys.IdOf(ApiFactory.ChainKey), stored[3].KeyId);
        Assert.NotNull(stored[3].StateDigest);
    }

    [Fact]
    public void Only_the_start_that_adds_keys_to_a_database_with_requests_seals_its_chains()
    {
        Assert.True(LegacyChains.NeedSealing(["AssistanceApi.Persistence.Migrations.sqlite.0006_audit_chain_tip.sql"]));
        Assert.False(LegacyChains.NeedSealing([
            "AssistanceApi.Persistence.Migrations.sqlite.0001_initial.sql", "AssistanceApi.Persistence.Migrations.sqlite.0006_audit_chain_tip.sql"]));
        Assert.False(LegacyChains.NeedSealing([]));
    }

    [Fact]
    public async Task A_rotated_key_keeps_verifying_the_events_it_signed_while_it_is_listed()
    {
        await using var first = new ApiFactory();
        var c = await Case.AtAsync(first, "acknowledged");
        const string newKey = "rotated-audit-chain-key-fedcba9876543210";

        await using (var rotated = new ApiFactory(first.Database))
        {
            rotated.Settings["Audit:ChainKey"] = newKey;
            rotated.Settings["Audit:PreviousChainKeys:0"] = ApiFactory.ChainKey;
            var r = Case.For(rotated, c.Id);
            await AssertValidAsync(r);
            await r.ActAsync(r.Deu, "start-execution");
            await AssertValidAsync(r);
            var stored = await StoredEventsAsync(first, c);
            Assert.Equal(ChainKeys.IdOf(ApiFactory.ChainKey), stored[2].KeyId);
            Assert.Equal(ChainKeys.IdOf(newKey), stored[3].KeyId);
        }

        await using var retired = new ApiFactory(first.Database);
        retired.Settings["Audit:ChainKey"] = newKey;
        var x = Case.For(retired, c.Id);
        Assert.Equal((1, ChainCheck.UnknownKey), await BrokenAsync(x));
    }

    [Fact]
    public async Task The_history_is_paged_and_every_page_judges_the_whole_chain()
    {
        var c = await Case.AtAsync(api, "executed");

        var sequences = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await c.Fra.GetAsync(c.Url("history") + "?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"))).ExpectAsync(HttpStatusCode.OK);
            Assert.True(page["chainValid"]!.GetValue<bool>());
            var events = page["events"]!.AsArray();
            Assert.InRange(events.Count, 1, 2);
            sequences.AddRange(events.Select(e => e!["sequence"]!.GetValue<long>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        } while (cursor is not null);
        Assert.Equal([1, 2, 3, 4, 5], sequences);
        Assert.Equal(3, pages);

        // A page before the break still says the chain is broken, and where.
        await api.Database.ExecuteAsync("DELETE FROM request_events WHERE request_id = @id AND sequence = 5", Of(c));
        var first = await (await c.Fra.GetAsync(c.Url("history") + "?limit=1")).ExpectAsync(HttpStatusCode.OK);
        Assert.False(first["chainValid"]!.GetValue<bool>());
        Assert.Equal(5, first["chainError"]!["sequence"]!.GetValue<long>());
        Assert.Single(first["events"]!.AsArray());
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=201")]
    [InlineData("?limit=abc")]
    [InlineData("?cursor=%21%21")]
    [InlineData("?cursor=bm90LWEtbnVtYmVy")]
    [InlineData("?cursor=LTE")]
    public async Task A_bad_limit_or_cursor_is_a_400(string query)
    {
        var c = await Case.AtAsync(api, "draft");
        await (await c.Fra.GetAsync(c.Url("history") + query)).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_server_without_a_chain_key_outside_Development_refuses_to_start()
    {
        await using var api = new ApiFactory();
        api.Settings["Audit:ChainKey"] = "";
        // Program prints the refusal and exits 1 before the host starts (the message: ChainKeyStartupTests, in a process).
        Assert.ThrowsAny<Exception>(() => api.CreateClient());
        var refused = Assert.Throws<ChainKeyException>(() => ChainKeySource.Load(
            new ConfigurationBuilder().AddInMemoryCollection(api.Settings).Build(),
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Production" }, Path.GetTempPath()));
        Assert.Contains("Audit:ChainKey is required outside Development", refused.Message);
    }

    [Fact]
    public async Task A_chain_key_shorter_than_32_characters_is_refused()
    {
        await using var api = new ApiFactory();
        api.Settings["Audit:ChainKey"] = "short";
        Assert.ThrowsAny<Exception>(() => api.CreateClient());
        Assert.Contains("at least 32 characters", Assert.Throws<ChainKeyException>(() => new ChainKeys("short")).Message);
    }

    private static async Task<List<AuditEvent>> StoredEventsAsync(ApiFactory api, Case c) =>
        (await api.Database.QueryAsync<AuditEvent>(
            """
            SELECT request_id AS RequestId, sequence AS Sequence, at AS At, action AS Action, actor_state AS ActorState,
                   actor_client AS ActorClient, from_status AS FromStatus, to_status AS ToStatus, details AS Details,
                   previous_hash AS PreviousHash, prior_digest AS PriorDigest, state_digest AS StateDigest, key_id AS KeyId, hash AS Hash
            FROM request_events WHERE request_id = @id ORDER BY sequence
            """, Of(c))).ToList();

    /// <summary>
    /// Rewrites every event with the unkeyed recipe (key id and digest cleared, hashes and links recomputed, the last
    /// event's details replaced when given) and moves the tip to match — everything but the seal, which needs the key.
    /// </summary>
    private static async Task<long> RewriteUnkeyedAsync(ApiFactory api, Case c, string? details)
    {
        var events = await StoredEventsAsync(api, c);
        var previous = AuditHash.Genesis;
        foreach (var e in events)
        {
            var rewritten = new AuditEvent
            {
                RequestId = e.RequestId, Sequence = e.Sequence, At = e.At, Action = e.Action, ActorState = e.ActorState,
                ActorClient = e.ActorClient, FromStatus = e.FromStatus, ToStatus = e.ToStatus,
                Details = e == events[^1] && details is not null ? details : e.Details, PreviousHash = previous,
            };
            rewritten.Hash = AuditHash.Compute(rewritten);
            await api.Database.ExecuteAsync(
                """
                UPDATE request_events SET details = @Details, previous_hash = @PreviousHash, hash = @Hash, key_id = NULL, prior_digest = NULL, state_digest = NULL
                WHERE request_id = @RequestId AND sequence = @Sequence
                """, rewritten);
            previous = rewritten.Hash;
        }
        await api.Database.ExecuteAsync("UPDATE requests SET chain_tip = @previous WHERE id = @id", new { previous, id = Guid.Parse(c.Id) });
        return events[^1].Sequence;
    }
}
