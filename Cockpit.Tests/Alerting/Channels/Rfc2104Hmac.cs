using System.Security.Cryptography;

namespace Cockpit.Tests.Alerting.Channels;

/// <summary>HMAC-SHA256 written out from RFC 2104 over plain SHA-256, to check the channels' signatures independently.</summary>
internal static class Rfc2104Hmac
{
    private const int BlockSize = 64;

    public static byte[] Sha256(byte[] key, byte[] data)
    {
        var block = new byte[BlockSize];
        (key.Length > BlockSize ? SHA256.HashData(key) : key).CopyTo(block, 0);
        var inner = SHA256.HashData([.. block.Select(b => (byte)(b ^ 0x36)), .. data]);
        return SHA256.HashData([.. block.Select(b => (byte)(b ^ 0x5c)), .. inner]);
    }
}
