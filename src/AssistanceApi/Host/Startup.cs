using AssistanceApi.Audit;
using AssistanceApi.Persistence;
using AssistanceApi.Persistence.Seeding;

namespace AssistanceApi.Host;

/// <summary>What runs before the server serves: the database brought up to date, then the catalogue read from it.</summary>
public static class Startup
{
    /// <summary>Migrations, seeds (the demo data only when withDemo and configured), then the in-memory catalogue the rules cite from.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool withDemo = true)
    {
        TypeHandlers.Register();
        var services = app.Services;
        var database = services.GetRequiredService<Database>();
        Migrator.EnsureDatabase(database);
        await using (await database.StartupLockAsync())
        {
            await LegacyChains.MigrateAsync(database, services.GetRequiredService<Writer>(), services.GetRequiredService<ChainKeys>);
            await services.GetRequiredService<Seeder>().SeedAsync(withDemo);
        }
        await services.GetRequiredService<CatalogueLoader>().LoadAsync();
    }

    /// <summary>
    /// The server's log says which mode SQLite runs in (ADR 0016); a CLI command does not, so that what it prints stays
    /// the command's output.
    /// </summary>
    public static void LogSqliteMode(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Database>().Provider != DatabaseProvider.Sqlite) return;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SqliteProcessSettings));
        var answers = SqliteProcessSettings.Apply(); // what SQLite answered when the database was set up
        if (answers.InForce) logger.LogInformation("SQLite runs in multi-thread mode, without memory statistics (ADR 0016)");
        else
            logger.LogWarning(
                "SQLite did not take its settings (multi-thread mode: code {MultiThread}, memory statistics off: code {MemoryStatistics}; " +
                "21 means it had started first): where refused, it keeps its default, serialized and counting (ADR 0016)",
                answers.MultiThread, answers.MemoryStatistics);
    }

    /// <summary>Why the server must not start (demo clients on a database outside Development), or null.</summary>
    public static Task<string?> RefusalAsync(this WebApplication app) =>
        DemoDataGuard.RefusalAsync(app.Services.GetRequiredService<Database>(), app.Services.GetRequiredService<Seeder>(),
            app.Services.GetRequiredService<SeedOptions>(), app.Environment.IsDevelopment());
}
