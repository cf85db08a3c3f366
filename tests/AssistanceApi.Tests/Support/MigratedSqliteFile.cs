#if !POSTGRES
using AssistanceApi.Persistence;

namespace AssistanceApi.Tests.Support;

/// <summary>A test class's own SQLite file, migrated, without a host: for what runs below the HTTP layer.</summary>
public abstract class MigratedSqliteFile : IAsyncLifetime
{
    private readonly TestDatabase _file = TestDatabase.Create();

    protected Database Database { get; private set; } = null!;

    protected string ConnectionString => _file.ConnectionString;

    public Task InitializeAsync()
    {
        TypeHandlers.Register();
        Database = new Database(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = _file.ConnectionString });
        Migrator.Upgrade(Database);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        await _file.DisposeAsync();
    }
}
#endif
