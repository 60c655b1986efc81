using System.Buffers.Binary;

namespace Cockpit.Web.Security;

/// <summary>
/// Recognises a hash written by ASP.NET Core's <c>PasswordHasher</c> in its version 3 format (PBKDF2 with HMAC-SHA1,
/// -SHA256 or -SHA512): marker byte 0x01, PRF, iteration count, salt length, salt, subkey; all base64.
/// </summary>
public static class PasswordHashFormat
{
    private const int HeaderLength = 13;

    /// <summary>Whether <paramref name="hash"/> is a version 3 hash the hasher can verify; <paramref name="problem"/> says why not.</summary>
    public static bool IsValid(string? hash, out string problem)
    {
        if (string.IsNullOrWhiteSpace(hash))
        {
            problem = "is missing";
            return false;
        }

        var bytes = new byte[hash.Length];
        if (!Convert.TryFromBase64String(hash.Trim(), bytes, out var length))
        {
            problem = "is not base64";
            return false;
        }

        var data = bytes.AsSpan(0, length);
        if (data.Length < HeaderLength || data[0] != 0x01)
        {
            // Version 2 (marker 0x00) uses 1000 iterations of SHA-1: too weak to accept for new configuration.
            problem = "is not a PasswordHasher version 3 hash";
            return false;
        }

        var prf = BinaryPrimitives.ReadUInt32BigEndian(data[1..]);
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(data[5..]);
        var saltLength = BinaryPrimitives.ReadUInt32BigEndian(data[9..]);
        if (prf > 2 || iterations == 0 || saltLength < 16 || saltLength > (uint)(data.Length - HeaderLength) || data.Length - HeaderLength - (int)saltLength < 16)
        {
            problem = "is not a PasswordHasher version 3 hash";
            return false;
        }

        problem = "";
        return true;
    }
}
