namespace AssistanceApi.DocumentStorage;

/// <summary>Where document content is kept and how much of it a call and a request may bring (section Documents).</summary>
public sealed class DocumentStorageOptions
{
    public const long DefaultMaxBytes = 512L << 20;

    /// <summary>filesystem (the default) or s3.</summary>
    public string Store { get; init; } = "filesystem";

    /// <summary>The filesystem store's folder.</summary>
    public string Path { get; init; } = "";

    /// <summary>The largest document one upload may bring; beyond it 413 and the read stops.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>The most the documents of one request may add up to.</summary>
    public long MaxRequestBytes { get; init; } = 8 * DefaultMaxBytes;

    /// <summary>How long an unreferenced stored object or staging file is left alone before the sweeper removes it.</summary>
    public TimeSpan OrphanGrace { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How often the orphan sweeper runs.</summary>
    public TimeSpan SweepEvery { get; init; } = TimeSpan.FromMinutes(30);

    public S3Options S3 { get; init; } = new();

    public static DocumentStorageOptions From(IConfiguration config, string contentRoot)
    {
        var section = config.GetSection("Documents");
        var s3 = section.GetSection("S3");
        var dataFolder = System.IO.Path.Combine(contentRoot, "data");
        return new DocumentStorageOptions
        {
            Store = section["Store"] ?? "filesystem",
            Path = section["Path"] ?? System.IO.Path.Combine(dataFolder, "documents"),
            MaxBytes = section.GetValue("MaxBytes", DefaultMaxBytes),
            MaxRequestBytes = section.GetValue("MaxRequestBytes", 8 * DefaultMaxBytes),
            OrphanGrace = TimeSpan.FromMinutes(section.GetValue("OrphanGraceMinutes", 60)),
            SweepEvery = TimeSpan.FromMinutes(section.GetValue("SweepMinutes", 30)),
            S3 = new S3Options
            {
                ServiceUrl = s3["ServiceUrl"] ?? "",
                Bucket = s3["Bucket"] ?? "assistance-documents",
                AccessKey = s3["AccessKey"] ?? "",
                SecretKey = s3["SecretKey"] ?? "",
                Region = s3["Region"] ?? "us-east-1",
                StagingPath = s3["StagingPath"] ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "assistance-uploads"),
            },
        };
    }
}

public sealed class S3Options
{
    public string ServiceUrl { get; init; } = "";
    public string Bucket { get; init; } = "";
    public string AccessKey { get; init; } = "";
    public string SecretKey { get; init; } = "";
    public string Region { get; init; } = "us-east-1";

    /// <summary>Local folder an upload is streamed to (and hashed) before it is PUT under its SHA-256.</summary>
    public string StagingPath { get; init; } = "";
}
