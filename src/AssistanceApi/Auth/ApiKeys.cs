using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace AssistanceApi.Auth;

/// <summary>
/// Client keys: "uncc_" + an 8-character public prefix + "_" + 256 random bits (base64url). Only the
/// prefix and a SHA-256 of the whole key are stored; a fast hash suffices for 256 random bits.
/// </summary>
public static class ApiKeys
{
    private const string Scheme = "uncc_";
    private const int PrefixLength = 8;

    public sealed record Issued(string Key, string Prefix, string Hash);

    public static Issued Issue()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixLength / 2));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var key = $"{Scheme}{prefix}_{secret}";
        return new Issued(key, prefix, Hash(key));
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The public prefix of a generated key; null for other keys (the seeded demo keys).</summary>
    public static string? PrefixOf(string key) =>
        key.Length > Scheme.Length + PrefixLength + 1 && key.StartsWith(Scheme, StringComparison.Ordinal) && key[Scheme.Length + PrefixLength] == '_'
            ? key.Substring(Scheme.Length, PrefixLength)
            : null;

    public static bool Matches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));
}
