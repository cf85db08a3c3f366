using System.Security.Cryptography;
using System.Text;

namespace AssistanceApi.Audit;

/// <summary>
/// The server's secret for hash chains: HMAC-SHA256 under the newest key signs, every configured key verifies,
/// so a key is rotated without older events failing. Write access to the database alone cannot forge a chain.
/// A key's id is derived from the key, so the id stored beside a hash names the key without revealing it.
/// </summary>
public sealed class ChainKeys
{
    public const int MinimumLength = 32;

    private readonly byte[] _current;
    private readonly Dictionary<string, byte[]> _byId = new(StringComparer.Ordinal);

    public ChainKeys(string current, IEnumerable<string>? previous = null)
    {
        foreach (var key in previous?.Prepend(current) ?? [current])
        {
            if (key.Length < MinimumLength)
                throw new ChainKeyException($"An audit chain key must have at least {MinimumLength} characters.");
            _byId.TryAdd(IdOf(key), Encoding.UTF8.GetBytes(key));
        }
        CurrentId = IdOf(current);
        _current = _byId[CurrentId];
    }

    /// <summary>The id of the key that signs new hashes.</summary>
    public string CurrentId { get; }

    public static string IdOf(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("audit-chain-key-id:" + key)))[..16];

    /// <summary>The ids of every configured key, the current one first.</summary>
    public IEnumerable<string> KeyIds => _byId.Keys.OrderBy(id => id != CurrentId);

    /// <summary>Whether a configured key has this id.</summary>
    public bool Knows(string keyId) => _byId.ContainsKey(keyId);

    /// <summary>HMAC-SHA256 of <paramref name="data"/> under the newest key, as lowercase hex, and that key's id.</summary>
    public KeyedHash Sign(ReadOnlySpan<byte> data) => new(CurrentId, Convert.ToHexStringLower(HMACSHA256.HashData(_current, data)));

    /// <summary>The HMAC under the key <paramref name="keyId"/> names, or null when no configured key has that id.</summary>
    public string? Compute(string keyId, ReadOnlySpan<byte> data) =>
        _byId.TryGetValue(keyId, out var key) ? Convert.ToHexStringLower(HMACSHA256.HashData(key, data)) : null;

    /// <summary>Whether <paramref name="hash"/> is the HMAC of <paramref name="data"/> under the key <paramref name="keyId"/> names.</summary>
    public bool Verify(string keyId, ReadOnlySpan<byte> data, string hash) =>
        Compute(keyId, data) is { } expected &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(hash));

    /// <summary>
    /// A key for another purpose derived (HKDF-SHA256) from the configured key <paramref name="keyId"/> names, under
    /// an <paramref name="info"/> label of its own, so no two purposes share key material. Null for an unknown id.
    /// </summary>
    public byte[]? Derive(string keyId, string info, int length = 32) =>
        _byId.TryGetValue(keyId, out var key)
            ? HKDF.DeriveKey(HashAlgorithmName.SHA256, key, length, salt: [], info: Encoding.UTF8.GetBytes(info))
            : null;

    /// <summary>A signature in one column: <c>keyId:hex</c>.</summary>
    public string Seal(ReadOnlySpan<byte> data) => Sign(data).ToString();

    public bool VerifySeal(string? seal, ReadOnlySpan<byte> data)
    {
        var colon = seal?.IndexOf(':') ?? -1;
        return colon > 0 && Verify(seal![..colon], data, seal[(colon + 1)..]);
    }
}

public readonly record struct KeyedHash(string KeyId, string Hash)
{
    public override string ToString() => $"{KeyId}:{Hash}";
}
