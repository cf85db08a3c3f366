// The floors the API's scenarios are compared with, on the same machine, under the same wrk settings:
//   GET  /bare     a small JSON answer: Kestrel and routing, no database.
//   POST /durable  the body (~1 KB) inserted into SQLite, one transaction and one commit per request
//                  (WAL, synchronous=FULL: every commit waits for fsync). One connection, writers queue on a gate,
//                  as the API's Writer does for SQLite today.
//   POST /group    the same inserts funnelled through a Channel to one writer task, which commits whatever is queued
//                  in one transaction per batch and completes each caller only after that commit: group commit.
//   GET  /stored-page?state=&status=   and   GET /stored-row?id=
//                  the incoming list page's query and a read by id on the API's own seeded SQLite database
//                  (Floors:ApiDatabase), each row written as stored (StoredRows): the ceiling of the API's reads.
//   POST /stored-create   and   POST /api/v1/requests/{id}/submit   (GET /stored-drafts lists the drafts to submit)
//                  what a create's and a submit's guarantees write, with the API's statements, group-committed into the
//                  API's own database as its writer commits them (StoredWrites): the ceiling of the API's writes.
//   POST /stack/requests   and   POST /stack/requests/{id}/submit   (only with Floors:Stack=true)
//                  the same rows behind a minimal endpoint on the libraries the project chose (Stack.cs): key check,
//                  FastEndpoints, FluentValidation, Mediator; the ceilings of a create and a submit on this stack.
//   POST /stack/required/requests   and   POST /stack/required/requests/{id}/submit   (only with Floors:Stack=true)
//                  the same create and submit with the work the contract and guarantees add, each in the cheapest way
//                  found (StackRequired.cs, StackRequiredSubmit.cs).
// The database file is Floors:Database (environment: Floors__Database). With Floors:Postgres (an Npgsql connection
// string) the PostgreSQL floors are mapped too (PostgresFloors).
using System.Threading.Channels;
using AssistanceApi.Load.Floors.Stack;
using FastEndpoints;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Data.Sqlite;
using SQLitePCL;

// SQLite set as the API sets it (its Persistence/SqliteProcessSettings.cs, ADR 0016), before any connection opens:
// multi-thread mode and no memory statistics. Each floor uses a connection from one thread at a time.
Batteries_V2.Init();
if (raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD) != raw.SQLITE_OK || raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0) != raw.SQLITE_OK)
    throw new InvalidOperationException("SQLite started before its settings could be made");

var builder = WebApplication.CreateBuilder(args);
var path = builder.Configuration["Floors:Database"] ?? Path.Combine(Path.GetTempPath(), "floors.db");
var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
var durable = new DurableWriter(connectionString, "durable_entries");
var group = new GroupWriter(connectionString, "group_entries");
builder.Services.AddHostedService(_ => group);
var apiDatabase = builder.Configuration["Floors:ApiDatabase"];
var stored = apiDatabase is not null ? new StoredRows(apiDatabase) : null;
// Opened on first use: the API must have stopped writing its file by then.
var writes = apiDatabase is not null ? new Lazy<StoredWrites>(() => new StoredWrites(apiDatabase)) : null;
// The stack's routes only in a process started for them (Floors:Stack=true): registering authentication makes ASP.NET
// Core run it on every request, which the other floors must not pay.
var stack = builder.Configuration.GetValue("Floors:Stack", false);
if (stack)
{
    if (writes is null) throw new InvalidOperationException("Floors:Stack needs Floors:ApiDatabase, the file whose rows it writes");
    builder.Services.AddSingleton(_ => writes.Value);
    builder.Services.AddMediator();
    builder.Services.AddAuthentication(KeyAuthentication.Name)
        .AddScheme<AuthenticationSchemeOptions, KeyAuthentication>(KeyAuthentication.Name, null);
    builder.Services.AddAuthorization();
    builder.Services.AddRequiredRateLimit();
    builder.Services.AddFastEndpoints();
}

var app = builder.Build();

if (builder.Configuration["Floors:Postgres"] is { } postgres)
    PostgresFloors.Map(app, postgres, builder.Configuration["Floors:ReadPayload"] ?? throw new InvalidOperationException("Floors:ReadPayload is not set"));

app.MapGet("/bare", () => Results.Json(new { status = "ok", at = DateTimeOffset.UtcNow }));

app.MapPost("/durable", async (HttpRequest request) =>
{
    var id = await durable.InsertAsync(await ReadAsync(request), request.HttpContext.RequestAborted);
    return Results.Json(new { id }, statusCode: StatusCodes.Status201Created);
});

app.MapPost("/group", async (HttpRequest request) =>
{
    var id = await group.InsertAsync(await ReadAsync(request));
    return Results.Json(new { id }, statusCode: StatusCodes.Status201Created);
});

if (stored is not null)
{
    app.MapGet("/stored-page", (HttpResponse response, string state, string status) => stored.PageAsync(response, state, status, 50));
    app.MapGet("/stored-row", async (HttpResponse response, string id) =>
    {
        if (!await stored.OneAsync(response, id)) response.StatusCode = StatusCodes.Status404NotFound;
    });
    app.MapGet("/stored-drafts", (HttpResponse response) => stored.DraftsAsync(response));
}

if (stack)
{
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseWhen(http => http.Request.Path.StartsWithSegments(Required.Path), required => required.UseRateLimiter().Use(Required.Fingerprint));
    app.UseFastEndpoints();
}

if (writes is not null)
{
    app.MapPost("/stored-create", async (HttpRequest request) =>
    {
        var id = await writes.Value.CreateAsync(await ReadAsync(request), IdempotencyKeys.Of(request));
        return Results.Json(new { id }, statusCode: StatusCodes.Status201Created);
    });
    app.MapPost("/api/v1/requests/{id}/submit", async (string id) =>
        await writes.Value.SubmitAsync(id) is { } reference ? Results.Json(new { id, reference }) : Results.Conflict());
}

app.Run();

static async Task<string> ReadAsync(HttpRequest request)
{
    using var reader = new StreamReader(request.Body);
    return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
}

/// <summary>One connection in WAL with synchronous=FULL and one prepared INSERT into its own table.</summary>
internal sealed class Table : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;

    public Table(string connectionString, string name)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        using (var setup = _connection.CreateCommand())
        {
            setup.CommandText =
                $"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; " +
                $"CREATE TABLE IF NOT EXISTS {name} (id TEXT NOT NULL PRIMARY KEY, at TEXT NOT NULL, payload TEXT NOT NULL);";
            setup.ExecuteNonQuery();
        }
        _insert = _connection.CreateCommand();
        _insert.CommandText = $"INSERT INTO {name} (id, at, payload) VALUES ($id, $at, $payload)";
        _insert.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        _insert.Parameters.Add(new SqliteParameter { ParameterName = "$at" });
        _insert.Parameters.Add(new SqliteParameter { ParameterName = "$payload" });
        _insert.Prepare();
    }

    public SqliteTransaction Begin()
    {
        var transaction = _connection.BeginTransaction();
        _insert.Transaction = transaction;
        return transaction;
    }

    public string Insert(string payload)
    {
        var now = DateTimeOffset.UtcNow;
        var id = Guid.CreateVersion7(now).ToString("D");
        _insert.Parameters[0].Value = id;
        _insert.Parameters[1].Value = now.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        _insert.Parameters[2].Value = payload;
        _insert.ExecuteNonQuery();
        return id;
    }

    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
    }
}

/// <summary>A transaction and a commit per request; requests take turns on a gate.</summary>
internal sealed class DurableWriter(string connectionString, string name)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Table _table = new(connectionString, name);

    public async Task<string> InsertAsync(string payload, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            using var transaction = _table.Begin();
            var id = _table.Insert(payload);
            transaction.Commit();
            return id;
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>Group commit: callers queue their insert; one writer commits every queued insert in one transaction.</summary>
internal sealed class GroupWriter(string connectionString, string name) : BackgroundService
{
    private const int MaxBatch = 1024;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Table _table = new(connectionString, name);

    public Task<string> InsertAsync(string payload)
    {
        var pending = new Pending(payload, new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) pending.Done.SetException(new InvalidOperationException("The writer has stopped."));
        return pending.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        var ids = new List<string>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending)) batch.Add(pending);
                try
                {
                    using (var transaction = _table.Begin())
                    {
                        foreach (var pending in batch) ids.Add(_table.Insert(pending.Payload));
                        transaction.Commit();
                    }
                    // Only now is every insert of the batch durable: answer the callers.
                    for (var i = 0; i < batch.Count; i++) batch[i].Done.SetResult(ids[i]);
                }
                catch (Exception e)
                {
                    foreach (var pending in batch) pending.Done.TrySetException(e);
                }
                batch.Clear();
                ids.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var left)) left.Done.TrySetCanceled(CancellationToken.None);
        }
    }

    private sealed record Pending(string Payload, TaskCompletionSource<string> Done);
}
