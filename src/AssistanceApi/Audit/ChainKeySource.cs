using System.Security.Cryptography;
using AssistanceApi.Persistence;

namespace AssistanceApi.Audit;

/// <summary>
/// Where the chain key comes from: <c>Audit:ChainKey</c>, else the file <c>Audit:ChainKeyFile</c> names. In Development,
/// with neither, a key is generated once into <c>audit-chain.key</c> beside the database (owner read/write only).
/// Anywhere else the server refuses to start without one. <c>Audit:PreviousChainKeys</c> lists retired keys, which
/// still verify the events they signed.
/// </summary>
public static class ChainKeySource
{
    public const string GeneratedFileName = "audit-chain.key";

    /// <summary>The keys for a server on this database: Development keeps a generated key beside the SQLite file, else in data/ under the content root.</summary>
    public static ChainKeys Load(IConfiguration config, IHostEnvironment environment, DatabaseOptions database) =>
        Load(config, environment, KeyFolder(database, environment));

    public static ChainKeys Load(IConfiguration config, IHostEnvironment environment, string keyFolder)
    {
        var previous = config.GetSection("Audit:PreviousChainKeys").GetChildren()
            .Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        return new ChainKeys(Current(config, environment, keyFolder), previous);
    }

    private static string KeyFolder(DatabaseOptions database, IHostEnvironment environment)
    {
        var file = database.Provider == DatabaseProvider.Sqlite ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource : "";
        return file is { Length: > 0 } && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal)
            ? Path.GetDirectoryName(Path.GetFullPath(file))!
            : Path.Combine(environment.ContentRootPath, "data");
    }

    private static string Current(IConfiguration config, IHostEnvironment environment, string keyFolder)
    {
        if (config["Audit:ChainKey"] is { Length: > 0 } key) return key.Trim();
        if (config["Audit:ChainKeyFile"] is { Length: > 0 } file)
            return File.Exists(file)
                ? File.ReadAllText(file).Trim()
                : throw new ChainKeyException($"Audit:ChainKeyFile names {file}, which does not exist.");
        if (environment.IsDevelopment()) return Generated(Path.Combine(keyFolder, GeneratedFileName));
        throw new ChainKeyException(
            "Audit:ChainKey is required outside Development: set Audit__ChainKey to a random secret of at least " +
            $"{ChainKeys.MinimumLength} characters, or Audit__ChainKeyFile to a file holding one. Without it anyone who can " +
            "write to the database could forge the audit chains.");
    }

    private static string Generated(string path)
    {
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var writer = new StreamWriter(path, options);
            writer.Write(key);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process generated it first: use that one.
            return File.ReadAllText(path).Trim();
        }
        return key;
    }
}
