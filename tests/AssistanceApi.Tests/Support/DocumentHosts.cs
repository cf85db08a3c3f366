using System.Reflection;
using AssistanceApi.DocumentStorage;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Sdk;

namespace AssistanceApi.Tests.Support;

/// <summary>
/// One API host per document content store — the filesystem store on a temporary folder, the S3 store on the server
/// ASSISTANCE_TEST_S3 names (s3rver, started by .ci/s3.sh) — so the same document tests run on both. Small limits,
/// so the limit tests send little.
/// </summary>
public sealed class DocumentHosts : IAsyncDisposable
{
    public const string FileSystem = "filesystem";
    public const string S3 = "s3";
    public const long MaxBytes = 256 * 1024;
    public const long MaxRequestBytes = 1024 * 1024;

    private readonly Dictionary<string, DocumentHost> _hosts = [];

    public DocumentHost this[string store]
    {
        get
        {
            lock (_hosts)
            {
                if (!_hosts.TryGetValue(store, out var host)) _hosts[store] = host = new DocumentHost(store);
                return host;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts.Values) await host.DisposeAsync();
    }
}

public sealed class DocumentHost : ApiFactory
{
    public string Store { get; }
    public string Folder { get; } = Directory.CreateTempSubdirectory("assistance-documents-").FullName;

    public DocumentHost(string store, long maxBytes = DocumentHosts.MaxBytes, long maxRequestBytes = DocumentHosts.MaxRequestBytes)
    {
        Store = store;
        Settings["RateLimiting:PermitsPerMinute"] = "1000000";
        Settings["Documents:Store"] = store;
        Settings["Documents:MaxBytes"] = maxBytes.ToString();
        Settings["Documents:MaxRequestBytes"] = maxRequestBytes.ToString();
        Settings["Documents:Path"] = Path.Combine(Folder, "store");
        if (store == DocumentHosts.S3)
        {
            Settings["Documents:S3:ServiceUrl"] = S3Server.Url ?? throw new InvalidOperationException(S3Server.HowToEnable);
            Settings["Documents:S3:Bucket"] = "docs-" + Guid.NewGuid().ToString("N")[..20];
            Settings["Documents:S3:AccessKey"] = "S3RVER";
            Settings["Documents:S3:SecretKey"] = "S3RVER";
            Settings["Documents:S3:StagingPath"] = Path.Combine(Folder, "staging");
        }
    }

    /// <summary>Where uploads are staged before the store takes them.</summary>
    public string StagingFolder => Store == DocumentHosts.S3 ? Path.Combine(Folder, "staging") : Path.Combine(Folder, "store", "staging");

    public bool StagingEmpty => !Directory.Exists(StagingFolder) || !Directory.EnumerateFiles(StagingFolder).Any();

    /// <summary>The SHA-256 of each content the store holds.</summary>
    public async Task<IReadOnlyList<string>> StoredAsync()
    {
        var found = new List<string>();
        await foreach (var stored in Services.GetRequiredService<IDocumentContentStore>().ListAsync(CancellationToken.None)) found.Add(stored.Sha256);
        return found;
    }

    public async Task<long> DocumentRowsAsync(string requestId) =>
        (await Database.QueryAsync<long>("SELECT COUNT(*) FROM documents WHERE request_id = @id", new { id = Guid.Parse(requestId) })).Single();

    /// <summary>Custody entries of every document on this host: each document's chain is the admin log 'document:&lt;id&gt;'.</summary>
    public async Task<long> CustodyEntriesAsync() =>
        (await Database.QueryAsync<long>("SELECT COUNT(*) FROM admin_events WHERE log LIKE 'document:%'")).Single();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The S3-compatible server of the S3 store's tests: ASSISTANCE_TEST_S3, e.g. http://127.0.0.1:4568.</summary>
public static class S3Server
{
    public const string Variable = "ASSISTANCE_TEST_S3";

    public static string? Url => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url ? url : null;

    public static string HowToEnable =>
        $"S3 store tests need an S3-compatible server: set {Variable} to its URL (`. .ci/s3.sh && s3_start` starts s3rver; .ci/run does).";

    /// <summary>Why the S3 tests cannot run here; null when they can. Under CI=true never a reason: a missing server fails.</summary>
    public static string? SkipReason =>
        Url is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) ? HowToEnable : null;
}

/// <summary>Runs a theory on the filesystem store.</summary>
public sealed class OnFileSystemAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DocumentHosts.FileSystem]];
}

/// <summary>Runs a theory on the S3 store: skipped with how to enable it when no server is configured, failed under CI=true.</summary>
public sealed class OnS3Attribute : DataAttribute
{
    public OnS3Attribute()
    {
        if (S3Server.SkipReason is { } reason) Skip = reason;
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DocumentHosts.S3]];
}
