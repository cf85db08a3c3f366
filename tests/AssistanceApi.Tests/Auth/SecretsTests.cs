using System.Net;
using System.Security.Cryptography;
using System.Text;
using AssistanceApi.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using static AssistanceApi.Tests.Support.ClientCalls;

namespace AssistanceApi.Tests.Auth;

/// <summary>Keys never leave the response that issues them: not into logs, not into other responses, not into the database.</summary>
public sealed class SecretsTests
{
    [Fact]
    public async Task Keys_never_appear_in_logs_or_in_any_other_response()
    {
        await using var api = new ApiFactory();
        // Everything the host logs, at every level.
        api.Settings["Logging:LogLevel:Default"] = "Trace";
        api.Settings["Logging:LogLevel:Microsoft"] = "Trace";
        api.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        var logs = new CapturingLoggerProvider();
        await using var host = api.WithWebHostBuilder(b => b.ConfigureLogging(l =>
        {
            l.SetMinimumLevel(LogLevel.Trace);
            l.AddProvider(logs);
        }));

        HttpClient As(string? key)
        {
            var client = host.CreateClient();
            if (key is not null) client.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", key);
            return client;
        }

        // Every key sent in a header, right or wrong; and every key issued.
        var sent = new List<string>();
        var issuedKeys = new List<string>();
        var responses = new List<(string Key, HttpResponseMessage Response)>();

        async Task<HttpResponseMessage> Call(string key, Func<HttpClient, Task<HttpResponseMessage>> call)
        {
            sent.Add(key);
            var response = await call(As(key));
            responses.Add((key, response));
            return response;
        }

        var secretariat = As(DemoKeys.Secretariat);
        var fraAdmin = As(DemoKeys.FraAdmin);
        var a = await fraAdmin.CreateClientAsync("central-authority", "FRA", "France (secrets)");
        var s = await As(DemoKeys.DeuAdmin).CreateClientAsync("state-admin", "DEU", "Germany state-admin (secrets)");
        issuedKeys.AddRange([a.Key, s.Key]);

        // Use the generated keys.
        await (await Call(a.Key, c => c.GetAsync("/api/v1/states/FRA"))).ExpectAsync(HttpStatusCode.OK);
        await (await Call(a.Key, c => c.PostJsonAsync("/api/v1/requests", Bodies.MinimalDraft()))).ExpectAsync(HttpStatusCode.Created);
        var b = await As(s.Key).CreateClientAsync("contact-point", "DEU", "Germany 24/7 (secrets)");
        sent.Add(s.Key);
        issuedKeys.Add(b.Key);
        var b2 = await As(s.Key).RotateAsync(b.Id);
        var a2 = await fraAdmin.RotateAsync(a.Id);
        issuedKeys.AddRange([b2.Key, a2.Key]);
        await (await Call(a2.Key, c => c.GetAsync("/api/v1/requests?direction=outgoing"))).ExpectAsync(HttpStatusCode.OK);
        await (await Call(b2.Key, c => c.GetAsync("/api/v1/offences"))).ExpectAsync(HttpStatusCode.OK);

        // 401s: rotated-out keys, wrong secrets under live prefixes, keys that are no keys at all.
        var flipped = a2.Key[..^1] + (a2.Key[^1] == 'A' ? 'B' : 'A');
        var wrong = new[]
        {
            a.Key, b.Key, flipped, $"uncc_{a2.Prefix}_{a.Secret}", DemoKeys.Fra + "-typo", "uncc_" + a2.Secret,
            "Bearer " + a2.Key, a2.Key.ToUpperInvariant(),
        };
        foreach (var key in wrong)
        {
            var response = await Call(key, c => c.GetAsync("/api/v1/states"));
            await response.ExpectProblemTextAsync(HttpStatusCode.Unauthorized, $"key '{key}'");
        }
        await (await Call(flipped, c => c.PostJsonAsync("/api/v1/requests", Bodies.MinimalDraft()))).ExpectProblemTextAsync(HttpStatusCode.Unauthorized, "POST");
        await secretariat.RevokeAsync(b.Id);
        await (await Call(b2.Key, c => c.GetAsync("/api/v1/states"))).ExpectProblemTextAsync(HttpStatusCode.Unauthorized, "revoked");

        // No response echoes the key it was sent with (headers or body).
        foreach (var (key, response) in responses)
        {
            var text = await response.Content.ReadAsStringAsync();
            var headers = string.Join("\n", response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(",", h.Value)}"));
            Assert.False(text.Contains(key.Trim(), StringComparison.Ordinal), $"response to '{key}' echoes it: {text}");
            Assert.False(headers.Contains(key.Trim(), StringComparison.Ordinal), $"response headers to '{key}' echo it: {headers}");
        }

        // The logs saw all of this ...
        var logText = logs.AllText;
        Assert.Contains("/api/v1/clients", logText);
        Assert.Contains("/api/v1/states", logText);
        Assert.Contains(logs.Entries, e => e.Text.Contains("not authenticated", StringComparison.OrdinalIgnoreCase) || e.Text.Contains("unknown key"));
        // ... and hold no key, no secret part, and no hash of one.
        var secrets = issuedKeys.Concat(sent).Concat(wrong).Select(k => k.Trim()).Where(k => k.Length > 0).Distinct().ToList();
        foreach (var key in secrets)
        {
            Assert.False(logText.Contains(key, StringComparison.Ordinal), $"a key is in the logs: {key}");
            if (key.StartsWith("uncc_") && key.Length > 14)
                Assert.False(logText.Contains(key[14..], StringComparison.Ordinal), $"a key's secret is in the logs: {key}");
            Assert.False(logText.Contains(Sha256(key), StringComparison.Ordinal), $"a key's hash is in the logs: {key}");
        }
        foreach (var demo in new[] { DemoKeys.Secretariat, DemoKeys.Fra, DemoKeys.FraAdmin, DemoKeys.DeuAdmin }) Assert.DoesNotContain(demo, logText);
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public async Task The_database_holds_only_the_prefix_and_the_hash_of_each_key()
    {
        await using var api = new ApiFactory();
        var fraAdmin = api.As(DemoKeys.FraAdmin);
        var a = await fraAdmin.CreateClientAsync("central-authority", "FRA", "France (db)");
        var s = await fraAdmin.CreateClientAsync("state-admin", "FRA", "France state-admin (db)");
        var a2 = await fraAdmin.RotateAsync(a.Id);
        await (await api.As(a2.Key).PostJsonAsync("/api/v1/requests", Bodies.MinimalDraft())).ExpectAsync(HttpStatusCode.Created);
        await (await api.As(s.Key).GetAsync("/api/v1/clients")).ExpectAsync(HttpStatusCode.OK);

        List<(string Table, string Value)> cells;
        await using (var connection = await api.Database.OpenAsync()) cells = await StoredCells.AllTextCellsAsync(connection);
        Assert.Contains(cells, c => c.Table == "clients");
        foreach (var key in new[] { a.Key, s.Key, a2.Key })
        {
            Assert.DoesNotContain(cells, c => c.Value.Contains(key[5..], StringComparison.Ordinal));
            Assert.DoesNotContain(cells, c => c.Value.Contains(key[14..], StringComparison.Ordinal));
        }
        foreach (var demo in new[] { DemoKeys.Secretariat, DemoKeys.Fra, DemoKeys.Deu })
            Assert.DoesNotContain(cells, c => c.Value.Contains(demo, StringComparison.Ordinal));

        // What is there: the public prefix and the SHA-256 of the whole key; the rotated-out key's hash is gone.
        foreach (var key in new[] { a2.Key, s.Key })
        {
            var prefixes = await api.Database.QueryAsync<string>("SELECT key_prefix FROM clients WHERE key_hash = @hash", new { hash = Sha256(key) });
            Assert.Equal(key[5..13], Assert.Single(prefixes));
        }
        Assert.Empty(await api.Database.QueryAsync<string>("SELECT key_prefix FROM clients WHERE key_hash = @hash", new { hash = Sha256(a.Key) }));
    }
}
