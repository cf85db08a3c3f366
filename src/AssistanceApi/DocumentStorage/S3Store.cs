using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace AssistanceApi.DocumentStorage;

/// <summary>
/// Content-addressed objects in an S3-compatible bucket (MinIO, Ceph, AWS), key = SHA-256, for deployments of several
/// instances. Path-style addressing, so a bucket need not be a host name. An upload is staged in a local file (where
/// it is hashed) and then PUT under its address; <see cref="SaveAsync"/> returns once S3 has acknowledged the PUT.
/// </summary>
public sealed class S3Store : IDocumentContentStore, IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly string _bucket;
    private readonly SemaphoreSlim _bucketChecked = new(1, 1);
    private bool _bucketExists;

    public S3Store(S3Options options)
    {
        _bucket = options.Bucket;
        StagingFolder = options.StagingPath;
        var config = new AmazonS3Config
        {
            ServiceURL = options.ServiceUrl,
            ForcePathStyle = true,
            AuthenticationRegion = options.Region,
            // Older S3-compatible servers know neither the trailing CRC checksums nor aws-chunked bodies the SDK now
            // sends by default; the content's SHA-256 is checked by this API, before and after.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        _client = new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    public string StagingFolder { get; }

    public async Task SaveAsync(StagedContent staged, CancellationToken ct)
    {
        await EnsureBucketAsync(ct);
        await _client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket, Key = Sha256Address.Check(staged.Sha256), FilePath = staged.Path,
            ContentType = "application/octet-stream", UseChunkEncoding = false,
        }, ct);
    }

    public async Task<Stream> OpenReadAsync(string sha256, long offset, long length, CancellationToken ct)
    {
        var request = new GetObjectRequest { BucketName = _bucket, Key = Sha256Address.Check(sha256) };
        if (length == 0) return new MemoryStream([], writable: false);
        request.ByteRange = new ByteRange(offset, offset + length - 1);
        var response = await _client.GetObjectAsync(request, ct);
        return new BoundedStream(response.ResponseStream, length);
    }

    public async IAsyncEnumerable<StoredObject> ListAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await EnsureBucketAsync(ct);
        var request = new ListObjectsV2Request { BucketName = _bucket };
        ListObjectsV2Response page;
        do
        {
            page = await _client.ListObjectsV2Async(request, ct);
            foreach (var item in page.S3Objects ?? [])
                if (Sha256Address.IsValid(item.Key))
                    yield return new StoredObject(item.Key, item.LastModified is { } at ? new DateTimeOffset(at.ToUniversalTime()) : DateTimeOffset.UtcNow);
            request.ContinuationToken = page.NextContinuationToken;
        } while (page.IsTruncated == true);
    }

    public async Task DeleteAsync(string sha256, CancellationToken ct) =>
        await _client.DeleteObjectAsync(_bucket, Sha256Address.Check(sha256), ct);

    /// <summary>Creates the bucket on first use if it is missing (a fresh MinIO or test server has none).</summary>
    private async Task EnsureBucketAsync(CancellationToken ct)
    {
        if (_bucketExists) return;
        await _bucketChecked.WaitAsync(ct);
        try
        {
            if (_bucketExists) return;
            try
            {
                await _client.PutBucketAsync(new PutBucketRequest { BucketName = _bucket }, ct);
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.Conflict || e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
            {
                // There already: what we wanted.
            }
            _bucketExists = true;
        }
        finally
        {
            _bucketChecked.Release();
        }
    }

    public void Dispose() => _client.Dispose();
}
