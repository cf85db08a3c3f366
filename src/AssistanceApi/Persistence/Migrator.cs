using DbUp;

namespace AssistanceApi.Persistence;

/// <summary>Applies the versioned scripts under Migrations/&lt;provider&gt;/ in name order, once each.</summary>
public static class Migrator
{
    public static void Upgrade(Database database)
    {
        var result = DeployChanges.To
            .SqliteDatabase(database.ConnectionString)
            .WithScriptsEmbeddedInAssembly(typeof(Migrator).Assembly, name => name.Contains(".Migrations.sqlite."))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
            throw new InvalidOperationException($"Database migration failed at {result.ErrorScript?.Name}", result.Error);
    }

    public static bool IsUpToDate(Database database) =>
        !DeployChanges.To
            .SqliteDatabase(database.ConnectionString)
            .WithScriptsEmbeddedInAssembly(typeof(Migrator).Assembly, name => name.Contains(".Migrations.sqlite."))
            .LogToNowhere()
            .Build()
            .IsUpgradeRequired();
}
