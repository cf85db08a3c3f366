using System.Net;
using Microsoft.AspNetCore.Http;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using AssistanceApi.Webhooks;
using static AssistanceApi.Tests.Support.WebhookCalls;

namespace AssistanceApi.Tests.Webhooks;

/// <summary>
/// Deliveries over real HTTP to a receiver on loopback (allowed by Webhooks:AllowedHosts), signed, retried on a short
/// schedule the test's clock moves through, timed out, disabled after the last failure, refused by the SSRF guard.
/// </summary>
public sealed class DeliveryWorkerTests
{
    /// <summary>
    /// The timeout leaves a receiver that answers at once room on a loaded machine (CI saw a first attempt's 500 become
    /// a timeout at 0.5 s); the test of the timeout sets its own.
    /// </summary>
    private static ApiFactory Api(string schedule = "1s,1s,1s", string? allowedHosts = "127.0.0.1", string timeoutSeconds = "10")
    {
        var api = new ApiFactory();
        api.Settings["Webhooks:RetrySchedule"] = schedule;
        api.Settings["Webhooks:PollMilliseconds"] = "50";
        api.Settings["Webhooks:TimeoutSeconds"] = timeoutSeconds;
        if (allowedHosts is not null) api.Settings["Webhooks:AllowedHosts"] = allowedHosts;
        return api;
    }

    /// <summary>
    /// Polls until the delivery has the status, moving the clock past each retry's wait, but never while an attempt is
    /// in flight: an attempt's timeout runs on real time and its lock on this clock, so moving the clock past a lock
    /// mid-attempt would let a poll claim the delivery and send it a second time.
    /// </summary>
    private static async Task<JsonObject> DeliveryWhenAsync(ApiFactory api, HttpClient client, string webhookId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var delivery = (await client.DeliveriesAsync(webhookId))[0]!.AsObject();
            if (delivery["status"].Str() == status) return delivery;
            if (DateTime.UtcNow >= deadline)
            {
                var stored = await api.Database.QueryAsync<string>("SELECT COALESCE(locked_until, 'null') || ' ' || next_attempt_at || ' ' || COALESCE(last_error, '') FROM webhook_deliveries");
                Assert.Fail($"no {status} delivery in time: {delivery.ToJsonString()} stored: {string.Join("; ", stored)}");
            }
            var now = api.Clock.GetUtcNow();
            var locks = await api.Database.QueryAsync<DateTimeOffset>("SELECT locked_until FROM webhook_deliveries WHERE locked_until IS NOT NULL");
            if (!locks.Any(until => until > now)) api.Clock.Advance(TimeSpan.FromSeconds(2));
            await Task.Delay(100);
        }
    }

    private static async Task<(string Id, string EventId)> SubscribeAndTestAsync(HttpClient client, WebhookReceiver receiver)
    {
        var (id, secret, _) = await client.SubscribeAsync(receiver.Url);
        receiver.Secret = secret;
        var queued = await (await client.PostAsync($"{WebhooksUrl}/{id}/test", null)).ExpectAsync(HttpStatusCode.Accepted);
        return (id, queued["eventId"].Str());
    }

    private static int?[] StatusCodes(JsonObject delivery) =>
        delivery["attempts"]!.AsArray().Select(a => a!["statusCode"] is { } code ? code.GetValue<int>() : (int?)null).ToArray();

    [Fact]
    public async Task A_test_event_is_delivered_signed_as_the_specification_says()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var api = Api();
        var fra = api.As(DemoKeys.Fra);

        var (id, eventId) = await SubscribeAndTestAsync(fra, receiver);
        var delivery = await DeliveryWhenAsync(api, fra, id, "delivered");

        var received = Assert.Single(receiver.Deliveries);
        Assert.True(received.SignatureValid, $"signature {received.Signature} does not verify");
        Assert.Equal(eventId, received.Id);
        var body = JsonNode.Parse(received.Body)!;
        Assert.Equal(eventId, body["id"].Str());
        Assert.Equal("webhook.test", body["type"].Str());
        Assert.Equal(id, body["data"]!["webhookId"].Str());
        Assert.Equal("FRA", body["actor"]!["state"].Str());
        Assert.InRange(long.Parse(received.Timestamp), api.Clock.GetUtcNow().ToUnixTimeSeconds() - 30, api.Clock.GetUtcNow().ToUnixTimeSeconds());
        Assert.Equal([200], StatusCodes(delivery));
        Assert.Equal(1, delivery["attemptCount"]!.GetValue<int>());
        Assert.NotNull(delivery["deliveredAt"]);
    }

    [Fact]
    public async Task A_receiver_failing_twice_gets_the_event_on_the_third_attempt_with_the_same_webhook_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync(async (n, context) =>
        {
            if (n > 2) return;
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("not now");
        });
        await using var api = Api();
        var fra = api.As(DemoKeys.Fra);

        var (id, eventId) = await SubscribeAndTestAsync(fra, receiver);
        var delivery = await DeliveryWhenAsync(api, fra, id, "delivered");

        Assert.Equal(3, receiver.Deliveries.Count);
        Assert.All(receiver.Deliveries, r => Assert.Equal(eventId, r.Id));
        Assert.All(receiver.Deliveries, r => Assert.True(r.SignatureValid));
        Assert.Equal([500, 500, 200], StatusCodes(delivery));
        Assert.Contains("not now", delivery["attempts"]![0]!["error"].Str());
        Assert.Equal(3, delivery["attemptCount"]!.GetValue<int>());
        // The earlier attempts are rows of their own; the last is the delivery row's.
        Assert.Equal([1L, 2L], await api.Database.QueryAsync<long>("SELECT attempt FROM webhook_attempts ORDER BY attempt"));
    }

    /// <summary>Before migration 0018 every attempt was a row of webhook_attempts; its statements move the last onto the delivery.</summary>
    [Fact]
    public async Task Migration_0018_moves_each_delivery_s_last_attempt_row_onto_the_delivery_and_shows_the_same_attempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync((n, context) =>
        {
            if (n <= 2) context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        await using var api = Api();
        var fra = api.As(DemoKeys.Fra);
        var (id, _) = await SubscribeAndTestAsync(fra, receiver);
        var shown = (await DeliveryWhenAsync(api, fra, id, "delivered"))["attempts"]!.ToJsonString();

        // As 0017 left it: the last attempt a row like the others, none on the delivery.
        await api.Database.ExecuteAsync(
            """
            INSERT INTO webhook_attempts (delivery_id, attempt, at, status_code, duration_ms, error)
            SELECT id, attempt_count, last_attempt_at, last_status_code, last_duration_ms, last_error FROM webhook_deliveries
            """);
        await api.Database.ExecuteAsync("UPDATE webhook_deliveries SET last_attempt_at = NULL");
        Assert.Equal(3, (await api.Database.QueryAsync<long>("SELECT attempt FROM webhook_attempts")).Count);

        var statements = MigrationScripts.Statements("0018_webhook_deliveries_lean.sql", "UPDATE", "DELETE");
        Assert.Equal(2, statements.Count);
        foreach (var statement in statements) await api.Database.ExecuteAsync(statement);

        Assert.Equal([1L, 2L], await api.Database.QueryAsync<long>("SELECT attempt FROM webhook_attempts ORDER BY attempt"));
        Assert.Equal(shown, (await fra.DeliveriesAsync(id))[0]!["attempts"]!.ToJsonString());
    }

    /// <summary>
    /// An attempt already kept as a row when the next one is recorded (written by an instance still on the code before
    /// 0018, or by a second instance recording the same attempt at the same moment) does not fail the recording.
    /// </summary>
    [Fact]
    public async Task An_attempt_already_kept_as_a_row_does_not_stop_the_next_from_being_recorded()
    {
        var release = new TaskCompletionSource();
        await using var receiver = await WebhookReceiver.StartAsync(async (n, context) =>
        {
            if (n == 1) context.Response.StatusCode = 500;
            else await release.Task;
        });
        await using var api = Api();
        var fra = api.As(DemoKeys.Fra);
        var (id, _) = await SubscribeAndTestAsync(fra, receiver);
        await UntilAsync(async () => (await fra.DeliveriesAsync(id))[0]!["attemptCount"]!.GetValue<int>() == 1, "the first attempt recorded");
        await api.Database.ExecuteAsync(
            """
            INSERT INTO webhook_attempts (delivery_id, attempt, at, status_code, duration_ms, error)
            SELECT id, attempt_count, last_attempt_at, last_status_code, last_duration_ms, last_error FROM webhook_deliveries
            """);

        release.SetResult();
        var delivery = await DeliveryWhenAsync(api, fra, id, "delivered");

        Assert.Equal([500, 200], StatusCodes(delivery));
        Assert.Equal([1L], await api.Database.QueryAsync<long>("SELECT attempt FROM webhook_attempts"));
    }

    [Fact]
    public async Task A_webhook_s_deliveries_page_newest_event_first_by_cursor_and_a_cursor_that_is_not_one_is_a_400()
    {
        await using var api = Api(allowedHosts: null);
        var fra = api.As(DemoKeys.Fra);
        var (id, _, _) = await fra.SubscribeAsync("https://hooks.example.org/assistance");
        var events = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            events.Add((await (await fra.PostAsync($"{WebhooksUrl}/{id}/test", null)).ExpectAsync(HttpStatusCode.Accepted))["eventId"].Str());
            api.Clock.Advance(TimeSpan.FromMilliseconds(5));
        }

        var first = await (await fra.GetAsync($"{WebhooksUrl}/{id}/deliveries?limit=2")).ExpectAsync(HttpStatusCode.OK);
        var second = await (await fra.GetAsync($"{WebhooksUrl}/{id}/deliveries?limit=2&cursor={first["nextCursor"].Str()}")).ExpectAsync(HttpStatusCode.OK);

        var listed = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(d => d!["eventId"].Str()).ToList();
        Assert.Equal(Enumerable.Reverse(events), listed);
        Assert.Null(second["nextCursor"]);
        var notOne = Convert.ToBase64String("not-an-event-id"u8).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var problem = await (await fra.GetAsync($"{WebhooksUrl}/{id}/deliveries?cursor={notOne}")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("invalid-cursor", problem.Codes());
    }

    [Fact]
    public async Task A_delivery_delivered_at_the_first_try_writes_no_attempt_row_and_a_retry_by_hand_keeps_that_attempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var api = Api();
        var fra = api.As(DemoKeys.Fra);
        var (id, _) = await SubscribeAndTestAsync(fra, receiver);
        var first = await DeliveryWhenAsync(api, fra, id, "delivered");

        Assert.Empty(await api.Database.QueryAsync<long>("SELECT attempt FROM webhook_attempts"));
        var attempt = Assert.Single(first["attempts"]!.AsArray())!;
        Assert.Equal(1, attempt["attempt"]!.GetValue<int>());
        Assert.Equal(first["deliveredAt"].Str(), attempt["at"].Str());

        api.Clock.Advance(TimeSpan.FromSeconds(5));
        await (await fra.PostAsync($"{WebhooksUrl}/{id}/deliveries/{first["id"].Str()}/retry", null)).ExpectAsync(HttpStatusCode.Accepted);
        await UntilAsync(async () => (await fra.DeliveriesAsync(id))[0]!["attemptCount"]!.GetValue<int>() == 2, "the retry recorded");
        var again = (await fra.DeliveriesAsync(id))[0]!.AsObject();

        Assert.Equal("delivered", again["status"].Str());
        Assert.Equal([200, 200], StatusCodes(again));
        Assert.Equal([1, 2], again["attempts"]!.AsArray().Select(a => a!["attempt"]!.GetValue<int>()));
        Assert.Equal(attempt["at"].Str(), again["attempts"]![0]!["at"].Str());
        Assert.NotEqual(attempt["at"].Str(), again["attempts"]![1]!["at"].Str());
        Assert.Equal([1L], await api.Database.QueryAsync<long>("SELECT attempt FROM webhook_attempts"));
        Assert.Equal(2, receiver.Deliveries.Count);
    }

    [Fact]
    public async Task A_hanging_receiver_times_out_and_the_delivery_is_retried()
    {
        await using var receiver = await WebhookReceiver.StartAsync(async (n, context) =>
        {
            if (n == 1) await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
        });
        await using var api = Api(timeoutSeconds: "2");
        var fra = api.As(DemoKeys.Fra);

        var (id, _) = await SubscribeAndTestAsync(fra, receiver);
        var delivery = await DeliveryWhenAsync(api, fra, id, "delivered");

        var attempts = delivery["attempts"]!.AsArray();
        Assert.Equal([null, 200], StatusCodes(delivery));
        Assert.Contains("timed out", attempts[0]!["error"].Str());
        Assert.InRange(attempts[0]!["durationMs"]!.GetValue<int>(), 1900, 10000);
    }

    /// <summary>
    /// One slot, held by delivery A at the receiver; B, handed to the worker locked (like A, for the timeout + 20 s),
    /// waits for it. When the slot frees, B's lock no longer covers a whole timeout, so the worker does not send it: an
    /// attempt begun then could still be running when the lock runs out and a poll claims B again. Once the lock has
    /// run out the poll's claim sends B, once. The receiver holds B's first arrival, so a second sender would show.
    /// </summary>
    [Fact]
    public async Task A_delivery_whose_lock_ran_out_while_it_waited_for_a_slot_is_sent_once_by_the_claim_that_follows()
    {
        var (releaseA, releaseB) = (new TaskCompletionSource(), new TaskCompletionSource());
        await using var receiver = await WebhookReceiver.StartAsync(async (n, _) =>
        {
            if (n == 1) await releaseA.Task;
            else if (n == 2) await releaseB.Task;
        });
        await using var api = Api();
        api.Settings["Webhooks:Concurrency"] = "1";
        api.Settings["Webhooks:TimeoutSeconds"] = "30"; // locks run for 50 s
        var fra = api.As(DemoKeys.Fra);
        var (id, secret, _) = await fra.SubscribeAsync(receiver.Url, ["request.drafted"]);
        receiver.Secret = secret;

        await fra.CreateDraftAsync(Bodies.CompleteMla("DEU"));
        await UntilAsync(() => Task.FromResult(receiver.Deliveries.Count == 1), "A held by the receiver");
        await fra.CreateDraftAsync(Bodies.CompleteMla("DEU"));
        await UntilAsync(async () => (await api.Database.QueryAsync<int>(
            "SELECT COUNT(*) FROM webhook_deliveries WHERE locked_until IS NOT NULL"))[0] == 2, "B written locked");

        api.Clock.Advance(TimeSpan.FromSeconds(25)); // B's lock (50 s) no longer covers a 30 s attempt; neither has run out
        releaseA.SetResult();
        await UntilAsync(async () => (await fra.DeliveriesAsync(id)).Count(d => d!["status"].Str() == "delivered") == 1, "A delivered");
        api.Clock.Advance(TimeSpan.FromSeconds(30)); // B's lock has run out: the poll claims it
        await UntilAsync(() => Task.FromResult(receiver.Deliveries.Count >= 2), "B sent");
        await Task.Delay(600);
        releaseB.SetResult();

        await UntilAsync(async () => (await fra.DeliveriesAsync(id)).All(d => d!["status"].Str() == "delivered"), "both delivered");
        await Task.Delay(300);
        Assert.Equal(2, receiver.Deliveries.Count);
        Assert.Equal(2, receiver.Deliveries.Select(d => d.Id).Distinct().Count());
        Assert.All(await fra.DeliveriesAsync(id), d => Assert.Equal(1, d!["attemptCount"]!.GetValue<int>()));
    }

    private static async Task UntilAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what}: not in time");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task After_the_last_retry_the_delivery_fails_and_the_subscription_is_disabled_until_a_retry_by_hand()
    {
        var failing = true;
        await using var receiver = await WebhookReceiver.StartAsync((_, context) =>
        {
            if (failing) context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        await using var api = Api(schedule: "1s");
        var fra = api.As(DemoKeys.Fra);

        var (id, _) = await SubscribeAndTestAsync(fra, receiver);
        var failed = await DeliveryWhenAsync(api, fra, id, "failed");

        Assert.Equal([503, 503], StatusCodes(failed));
        Assert.Null(failed["nextAttemptAt"]);
        var webhook = await (await fra.GetAsync($"{WebhooksUrl}/{id}")).ExpectAsync(HttpStatusCode.OK);
        Assert.NotNull(webhook["disabledAt"]);
        Assert.Contains("failed 2 attempts", webhook["disabledReason"].Str());
        await (await fra.PostAsync($"{WebhooksUrl}/{id}/test", null)).ExpectProblemAsync(HttpStatusCode.Conflict, "webhook-disabled");
        var said = await api.Database.QueryAsync<string>("SELECT audience || ' ' || data FROM events WHERE type = 'webhook.disabled'");
        Assert.StartsWith("state-admin:FRA ", Assert.Single(said));
        Assert.Contains(id, said[0]);

        failing = false;
        var retried = await (await fra.PostAsync($"{WebhooksUrl}/{id}/deliveries/{failed["id"].Str()}/retry", null)).ExpectAsync(HttpStatusCode.Accepted);
        Assert.Equal("pending", retried["status"].Str());
        Assert.Equal([503, 503], StatusCodes(retried)); // every attempt so far: the archived one and the row's last
        var delivered = await DeliveryWhenAsync(api, fra, id, "delivered");

        Assert.Equal([503, 503, 200], StatusCodes(delivered));
        Assert.Null((await (await fra.GetAsync($"{WebhooksUrl}/{id}")).ExpectAsync(HttpStatusCode.OK))["disabledAt"]);
    }

    [Fact]
    public async Task A_rotated_secret_signs_beside_the_new_one_for_the_overlap_then_the_new_one_alone()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var api = Api();
        var fra = api.As(DemoKeys.Fra);
        var (id, _) = await SubscribeAndTestAsync(fra, receiver);
        await DeliveryWhenAsync(api, fra, id, "delivered");
        var old = receiver.Secret;

        var rotatedAt = api.Clock.GetUtcNow();
        var rotated = await (await fra.PostAsync($"{WebhooksUrl}/{id}/rotate-secret", null)).ExpectAsync(HttpStatusCode.OK);
        var current = rotated["secret"].Str();
        // The receiver still holds the old secret: the delivery verifies with it, and with the new one.
        var during = await TestDeliveryAsync(api, fra, id, receiver);
        Assert.True(during.SignatureValid);
        Assert.Equal(2, during.Signature.Split(' ').Distinct().Count());
        Assert.True(WebhookReceiver.Verify(current, during.Id, during.Timestamp, during.Body, during.Signature));

        Assert.Equal(rotatedAt.AddHours(24), DateTimeOffset.Parse(rotated["previousSecretSignsUntil"].Str()), TimeSpan.FromMinutes(1));
        api.Clock.Advance(TimeSpan.FromHours(25));
        receiver.Secret = current;
        var after = await TestDeliveryAsync(api, fra, id, receiver);
        Assert.True(after.SignatureValid);
        Assert.Single(after.Signature.Split(' '));
        Assert.False(WebhookReceiver.Verify(old, after.Id, after.Timestamp, after.Body, after.Signature));
    }

    [Fact]
    public async Task With_no_overlap_a_rotated_secret_alone_signs_the_next_delivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var api = Api();
        api.Settings["Webhooks:RotationOverlapHours"] = "0";
        var fra = api.As(DemoKeys.Fra);
        var (id, _) = await SubscribeAndTestAsync(fra, receiver);
        await DeliveryWhenAsync(api, fra, id, "delivered");

        var rotated = await (await fra.PostAsync($"{WebhooksUrl}/{id}/rotate-secret", null)).ExpectAsync(HttpStatusCode.OK);
        var old = receiver.Secret;
        receiver.Secret = rotated["secret"].Str();
        var last = await TestDeliveryAsync(api, fra, id, receiver);

        Assert.Null(rotated["previousSecretSignsUntil"]);
        Assert.True(last.SignatureValid);
        Assert.False(WebhookReceiver.Verify(old, last.Id, last.Timestamp, last.Body, last.Signature));
    }

    private static async Task<WebhookReceiver.Received> TestDeliveryAsync(ApiFactory api, HttpClient client, string id, WebhookReceiver receiver)
    {
        var queued = await (await client.PostAsync($"{WebhooksUrl}/{id}/test", null)).ExpectAsync(HttpStatusCode.Accepted);
        await DeliveryWhenAsync(api, client, id, "delivered");
        return Assert.Single(receiver.Deliveries, d => d.Id == queued["eventId"].Str());
    }

    /// <summary>DNS rebinding: a URL accepted when registered whose name now resolves to loopback is refused when connecting.</summary>
    [Fact]
    public async Task Outside_development_a_delivery_to_an_address_that_became_loopback_is_refused_at_connect_time()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var api = Api(allowedHosts: null);
        var fra = api.As(DemoKeys.Fra);
        var (id, _, _) = await fra.SubscribeAsync("https://hooks.example.org/assistance");
        var port = new Uri(receiver.Url).Port;
        await api.Database.ExecuteAsync("UPDATE webhook_subscriptions SET url = @url WHERE id = @id",
            new { url = $"https://localhost:{port}/hook", id = Guid.Parse(id) });

        await (await fra.PostAsync($"{WebhooksUrl}/{id}/test", null)).ExpectAsync(HttpStatusCode.Accepted);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonObject delivery;
        while ((delivery = (await fra.DeliveriesAsync(id))[0]!.AsObject())["attemptCount"]!.GetValue<int>() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no attempt in time");
            await Task.Delay(50);
        }

        Assert.Empty(receiver.Deliveries);
        var error = delivery["attempts"]![0]!["error"].Str();
        Assert.Contains("refused", error);
        Assert.Contains("loopback", error);
    }

    [Fact]
    public async Task The_connect_time_guard_refuses_a_name_resolving_to_loopback_unless_the_host_is_allowed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var port = new Uri(receiver.Url).Port;

        await Assert.ThrowsAsync<WebhookRefusedException>(async () =>
            await GuardedConnections.ConnectAsync(new DnsEndPoint("localhost", port), new WebhookOptions(), CancellationToken.None));
        var allowed = new WebhookOptions { AllowedHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "localhost" } };
        await using var stream = await GuardedConnections.ConnectAsync(new DnsEndPoint("localhost", port), allowed, CancellationToken.None);
        Assert.True(stream.CanWrite);
    }

    [Fact]
    public async Task Redirects_are_not_followed()
    {
        await using var target = await WebhookReceiver.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync((_, context) =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = target.Url;
            return Task.CompletedTask;
        });
        await using var api = Api(schedule: "1s");
        var fra = api.As(DemoKeys.Fra);

        var (id, _) = await SubscribeAndTestAsync(fra, receiver);
        var failed = await DeliveryWhenAsync(api, fra, id, "failed");

        Assert.Equal([307, 307], StatusCodes(failed));
        Assert.Empty(target.Deliveries);
    }

    /// <summary>An instance stopped between sending and recording: the next one sends the same event again, with the same webhook-id.</summary>
    [Fact]
    public async Task A_delivery_sent_but_not_recorded_when_the_instance_stopped_is_sent_again_with_the_same_webhook_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync(async (n, context) =>
        {
            if (n == 1) await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
        });
        await using var database = TestDatabase.Create();
        string id;
        await using (var before = new ApiFactory(database))
        {
            before.Settings["Webhooks:AllowedHosts"] = "127.0.0.1";
            before.Settings["Webhooks:PollMilliseconds"] = "50";
            before.Settings["Webhooks:TimeoutSeconds"] = "30";
            var fra = before.As(DemoKeys.Fra);
            (id, _) = await SubscribeAndTestAsync(fra, receiver);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (receiver.Deliveries.IsEmpty)
            {
                Assert.True(DateTime.UtcNow < deadline, "no first attempt in time");
                await Task.Delay(50);
            }
        } // stopped mid-attempt: nothing recorded, the delivery still locked

        var attempts = await database.QueryAsync<long>("SELECT attempt_count FROM webhook_deliveries");
        Assert.Equal(0L, Assert.Single(attempts));
        await using var restarted = new ApiFactory(database);
        restarted.Settings["Webhooks:AllowedHosts"] = "127.0.0.1";
        restarted.Settings["Webhooks:PollMilliseconds"] = "50";
        restarted.Clock.Advance(TimeSpan.FromMinutes(1)); // past the dead instance's lock
        var delivery = await DeliveryWhenAsync(restarted, restarted.As(DemoKeys.Fra), id, "delivered");

        Assert.Equal(2, receiver.Deliveries.Count);
        Assert.Single(receiver.Deliveries.Select(d => d.Id).Distinct());
        Assert.Equal([200], StatusCodes(delivery));
    }
}
