using System.Net;
using System.Net.Sockets;

namespace AssistanceApi.Webhooks;

/// <summary>
/// The addresses a webhook may not reach outside Development (SSRF): the server's own machine, its network and the
/// cloud's metadata service. An IPv4-mapped IPv6 address is judged as the IPv4 address it carries.
/// </summary>
public static class AddressPolicy
{
    private static readonly IPAddress AwsMetadataV6 = IPAddress.Parse("fd00:ec2::254");

    /// <summary>Why <paramref name="address"/> is refused, or null when a webhook may connect to it.</summary>
    public static string? Refusal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return "loopback";
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => RefusalV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => RefusalV6(address),
            _ => "not an IP address",
        };
    }

    private static string? RefusalV4(byte[] b) => (b[0], b[1]) switch
    {
        (0, _) => "unspecified",
        // Also reached here from inside an IPv6 address (NAT64, 6to4, IPv4-compatible), where IsLoopback does not look.
        (127, _) => "loopback",
        (169, 254) when b[2] == 169 && b[3] == 254 => "metadata",
        (169, 254) => "link-local",
        (10, _) => "private",
        (172, >= 16 and <= 31) => "private",
        (192, 168) => "private",
        (100, >= 64 and <= 127) => "carrier-grade NAT",
        // The rest of IANA's special-purpose blocks that no public host holds (RFC 6890): 192.0.0.0/24 (protocol
        // assignments; a cloud's metadata service answers at 192.0.0.192), the three documentation networks, the
        // benchmarking network and the retired 6to4 relay anycast.
        (192, 0) when b[2] == 0 => "special-purpose",
        (192, 0) when b[2] == 2 => "documentation",
        (198, 51) when b[2] == 100 => "documentation",
        (203, 0) when b[2] == 113 => "documentation",
        (198, 18 or 19) => "benchmarking",
        (192, 88) when b[2] == 99 => "reserved",
        (>= 224 and <= 239, _) => "multicast",
        (255, 255) when b[2] == 255 && b[3] == 255 => "broadcast",
        (>= 240, _) => "reserved",
        _ => null,
    };

    private static string? RefusalV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6None)) return "unspecified";
        if (address.Equals(AwsMetadataV6)) return "metadata";
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal) return "link-local";
        if (address.IsIPv6Multicast) return "multicast";
        if (address.IsIPv6UniqueLocal) return "private";
        var b = address.GetAddressBytes();
        // 64:ff9b::/96 (NAT64) and 2002::/16 (6to4) embed an IPv4 address: judge that one.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
            return RefusalV4(b[12..16]);
        // 64:ff9b:1::/48 is NAT64 for a local network (RFC 8215); the rest of 64:ff9b::/32 is no well-known prefix.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) return b[4] == 0x00 && b[5] == 0x01 ? "private" : "reserved";
        // ::ffff:0:a.b.c.d, IPv4-translated (SIIT, RFC 2765): refused, by the IPv4 address it carries when that is refused.
        if (b.AsSpan(0, 8).IndexOfAnyExcept((byte)0) < 0 && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0)
            return RefusalV4(b[12..16]) ?? "IPv4-translated";
        // 100::/64 discards what it is sent (RFC 6666).
        if (b[0] == 0x01 && b.AsSpan(1, 7).IndexOfAnyExcept((byte)0) < 0) return "reserved";
        if (b[0] == 0x20 && b[1] == 0x02) return RefusalV4(b[2..6]);
        // ::a.b.c.d, the deprecated IPv4-compatible form (RFC 4291 2.5.5.1): refused, by the IPv4 address it carries when that is.
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0) return RefusalV4(b[12..16]) ?? "deprecated IPv4-compatible";
        // 2001::/32, Teredo: the client's IPv4 address is inside, obfuscated; a receiver has no business behind one.
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00) return "Teredo tunnel";
        return null;
    }
}
