using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AssistanceApi.Tests.Support;
using Microsoft.Data.Sqlite;
using static AssistanceApi.Tests.Support.ClientCalls;

namespace AssistanceApi.Tests.Idempotency;

/// <summary>
/// No secret at rest (issue 11, item 3): a create or rotate sent with an Idempotency-Key stores its response for the
/// replay without the key; the replay says so with keyShownOnce: true.
/// </summary>
public sealed class IssuedKeyReplayTests
{
    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string idempotencyKey, JsonNode? body = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, url);
        if (body is not null) message.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        message.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        return client.SendAsync(message);
    }

    [Fact]
    public async Task A_replayed_create_or_rotate_returns_the_client_without_the_key_and_says_so()
    {
        await using var api = new ApiFactory();
        var fraAdmin = api.As(DemoKeys.FraAdmin);
        var body = ClientBody("central-authority", "FRA", "France (replayed)");

        var first = await (await PostAsync(fraAdmin, ClientsUrl, "create-once", body)).ExpectAsync(HttpStatusCode.Created);
        var key = first["key"].Str();
        Assert.StartsWith("uncc_", key);
        Assert.Null(first["keyShownOnce"]);

        var replay = await (await PostAsync(fraAdmin, ClientsUrl, "create-once", body)).ExpectAsync(HttpStatusCode.Created);
        Assert.False(replay.ContainsKey("key"), replay.ToJsonString());
        Assert.True(replay["keyShownOnce"]!.GetValue<bool>());
        Assert.Equal(first["client"]!.ToJsonString(), replay["client"]!.ToJsonString());
        Assert.DoesNotContain(key[14..], replay.ToJsonString());
        var id = first["client"]!["id"].Str();

        // One client was made, and its key (from the first answer) works.
        var listed = (await (await fraAdmin.GetAsync($"{ClientsUrl}?limit=200")).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Single(listed, c => c!["name"].Str() == "France (replayed)");
        await (await api.As(key).GetAsync("/api/v1/states/FRA")).ExpectAsync(HttpStatusCode.OK);

        // The same for a rotation: the replay rotates nothing again, and the first new key keeps working.
        var rotated = await (await PostAsync(fraAdmin, $"{ClientsUrl}/{id}/rotate", "rotate-once")).ExpectAsync(HttpStatusCode.OK);
        var fresh = rotated["key"].Str();
        var rotateReplay = await (await PostAsync(fraAdmin, $"{ClientsUrl}/{id}/rotate", "rotate-once")).ExpectAsync(HttpStatusCode.OK);
        Assert.False(rotateReplay.ContainsKey("key"), rotateReplay.ToJsonString());
        Assert.True(rotateReplay["keyShownOnce"]!.GetValue<bool>());
        Assert.Equal(fresh[5..13], rotateReplay["client"]!["keyPrefix"].Str());
        await (await api.As(fresh).GetAsync("/api/v1/states/FRA")).ExpectAsync(HttpStatusCode.OK);
        await (await api.As(key).GetAsync("/api/v1/states/FRA")).ExpectProblemTextAsync(HttpStatusCode.Unauthorized, "the rotated-out key");
    }

#if !POSTGRES
    [Fact]
    public async Task Keys_issued_with_an_idempotency_key_are_nowhere_in_the_database_file_or_its_wal()
    {
        await using var api = new ApiFactory();
        var fraAdmin = api.As(DemoKeys.FraAdmin);
        var keys = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var created = await (await PostAsync(fraAdmin, ClientsUrl, $"create-{i}", ClientBody("contact-point", "FRA", $"France 24/7 #{i}")))
                .ExpectAsync(HttpStatusCode.Created);
            keys.Add(created["key"].Str());
            var rotated = await (await PostAsync(fraAdmin, $"{ClientsUrl}/{created["client"]!["id"].Str()}/rotate", $"rotate-{i}"))
                .ExpectAsync(HttpStatusCode.OK);
            keys.Add(rotated["key"].Str());
        }
        Assert.Equal(6, (await api.Database.QueryAsync<string>("SELECT response FROM idempotency_keys")).Count);

        // The raw bytes, while the API still runs: the main file and the write-ahead log.
        var files = new[] { api.Database.FilePath, api.Database.FilePath + "-wal" }.Where(File.Exists).ToList();
        Assert.Contains(api.Database.FilePath + "-wal", files);
        foreach (var file in files)
        {
            byte[] raw;
            await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                raw = copy.ToArray();
            }
            foreach (var key in keys)
                Assert.True(raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes(key[14..])) < 0, $"a key's secret is in {Path.GetFileName(file)}");
        }

        await using var connection = new SqliteConnection($"Data Source={api.Database.FilePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var cells = await StoredCells.AllTextCellsAsync(connection);
        foreach (var key in keys) Assert.DoesNotContain(cells, c => c.Value.Contains(key[14..], StringComparison.Ordinal));
    }
#endif
}
