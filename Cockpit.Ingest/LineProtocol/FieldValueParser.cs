using System.Text;
using System.Globalization;

namespace Cockpit.Ingest.LineProtocol;

/// <summary>
/// Parses line-protocol field values (floats, <c>i</c> integers, <c>u</c> unsigned, booleans) and timestamps from
/// UTF-8 without allocating. Simple decimals take an exact fast path; anything else is checked against the
/// line-protocol grammar first, because .NET's parser would also accept "NaN", "Infinity" and spaces.
/// </summary>
internal static class FieldValueParser
{
    private const ulong MaxExactMantissa = 1UL << 53;

    private static ReadOnlySpan<double> ExactPowersOfTen =>
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>Parses a numeric or boolean field value; string values are handled by the caller.</summary>
    public static LineErrorKind TryParse(ReadOnlySpan<byte> token, out double value)
    {
        value = 0;
        // Numbers never start with a letter, so this also keeps "tru" from being read as an unsigned integer.
        if (token[0] is (byte)'t' or (byte)'T' or (byte)'f' or (byte)'F')
        {
            return TryParseBoolean(token, out value);
        }

        switch (token[^1])
        {
            case (byte)'i':
                return TryParseInteger(token[..^1], out value);
            case (byte)'u':
                return TryParseUnsigned(token[..^1], out value);
        }

        return TryParseFloat(token, out value);
    }

    /// <summary>Parses an integer timestamp (optionally negative) in the write's precision.</summary>
    public static bool TryParseInt64(ReadOnlySpan<byte> token, out long value)
    {
        value = 0;
        var negative = token.Length > 0 && token[0] == '-';
        var digits = negative ? token[1..] : token;
        if (digits.IsEmpty || digits.Length > 19)
        {
            return false;
        }

        ulong magnitude = 0;
        foreach (var c in digits)
        {
            var d = (uint)(c - '0');
            if (d > 9)
            {
                return false;
            }

            magnitude = (magnitude * 10) + d;
        }

        // 19 digits cannot overflow a ulong, so the sign check below is exact.
        if (negative)
        {
            if (magnitude > (ulong)long.MaxValue + 1)
            {
                return false;
            }

            value = (long)(0 - magnitude);
            return true;
        }

        if (magnitude > long.MaxValue)
        {
            return false;
        }

        value = (long)magnitude;
        return true;
    }

    private static LineErrorKind TryParseInteger(ReadOnlySpan<byte> digits, out double value)
    {
        value = 0;
        if (!IsSignedDigits(digits))
        {
            return LineErrorKind.InvalidInteger;
        }

        if (!TryParseInt64(digits, out var integer))
        {
            return LineErrorKind.IntegerOutOfRange;
        }

        value = integer;
        return LineErrorKind.None;
    }

    private static LineErrorKind TryParseUnsigned(ReadOnlySpan<byte> digits, out double value)
    {
        value = 0;
        if (digits.IsEmpty || digits.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return LineErrorKind.InvalidUnsigned;
        }

        if (digits.Length > 20)
        {
            return LineErrorKind.IntegerOutOfRange;
        }

        ulong magnitude = 0;
        foreach (var c in digits)
        {
            var d = (ulong)(c - '0');
            if (magnitude > (ulong.MaxValue - d) / 10)
            {
                return LineErrorKind.IntegerOutOfRange;
            }

            magnitude = (magnitude * 10) + d;
        }

        value = magnitude;
        return LineErrorKind.None;
    }

    private static LineErrorKind TryParseBoolean(ReadOnlySpan<byte> token, out double value)
    {
        value = 0;
        if (token.Length == 1 || token.SequenceEqual("true"u8) || token.SequenceEqual("True"u8) || token.SequenceEqual("TRUE"u8))
        {
            // A single letter here is t, T, f or F (the caller looked at it); true-ish ones start with t/T.
            value = token[0] is (byte)'t' or (byte)'T' ? 1 : 0;
            return LineErrorKind.None;
        }

        if (token.SequenceEqual("false"u8) || token.SequenceEqual("False"u8) || token.SequenceEqual("FALSE"u8))
        {
            return LineErrorKind.None;
        }

        return LineErrorKind.InvalidBoolean;
    }

    private static LineErrorKind TryParseFloat(ReadOnlySpan<byte> token, out double value)
    {
        value = 0;
        var i = 0;
        var negative = token[0] == '-';
        if (negative)
        {
            i = 1;
        }

        ulong mantissa = 0;
        var significant = 0;
        var fraction = 0;
        var seenDot = false;
        var seenDigit = false;
        for (; i < token.Length; i++)
        {
            var c = token[i];
            var d = (uint)(c - '0');
            if (d <= 9)
            {
                seenDigit = true;
                if (significant >= 19)
                {
                    return TryParseFloatSlow(token, out value);
                }

                mantissa = (mantissa * 10) + d;
                if (mantissa != 0)
                {
                    significant++;
                }

                if (seenDot)
                {
                    fraction++;
                }
            }
            else if (c == '.' && !seenDot)
            {
                seenDot = true;
            }
            else
            {
                return TryParseFloatSlow(token, out value);
            }
        }

        if (!seenDigit)
        {
            return LineErrorKind.InvalidNumber;
        }

        // Clinger's fast path: both operands are exact doubles, so one IEEE division rounds correctly.
        if (mantissa <= MaxExactMantissa && fraction < ExactPowersOfTen.Length)
        {
            value = mantissa / ExactPowersOfTen[fraction];
            if (negative)
            {
                value = -value;
            }

            return LineErrorKind.None;
        }

        return TryParseFloatSlow(token, out value);
    }

    private static LineErrorKind TryParseFloatSlow(ReadOnlySpan<byte> token, out double value)
    {
        value = 0;
        if (!IsFloatGrammar(token))
        {
            return LooksNonFinite(token) ? LineErrorKind.NotFinite : LineErrorKind.InvalidNumber;
        }

        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return LineErrorKind.InvalidNumber;
        }

        return double.IsFinite(value) ? LineErrorKind.None : LineErrorKind.FloatOutOfRange;
    }

    // -?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?
    private static bool IsFloatGrammar(ReadOnlySpan<byte> t)
    {
        var i = 0;
        if (i < t.Length && t[i] == '-')
        {
            i++;
        }

        var intDigits = CountDigits(t, ref i);
        var fracDigits = 0;
        if (i < t.Length && t[i] == '.')
        {
            i++;
            fracDigits = CountDigits(t, ref i);
        }

        if (intDigits + fracDigits == 0)
        {
            return false;
        }

        if (i < t.Length && (t[i] == 'e' || t[i] == 'E'))
        {
            i++;
            if (i < t.Length && (t[i] == '+' || t[i] == '-'))
            {
                i++;
            }

            if (CountDigits(t, ref i) == 0)
            {
                return false;
            }
        }

        return i == t.Length;
    }

    private static int CountDigits(ReadOnlySpan<byte> t, ref int i)
    {
        var start = i;
        while (i < t.Length && (uint)(t[i] - '0') <= 9)
        {
            i++;
        }

        return i - start;
    }

    private static bool IsSignedDigits(ReadOnlySpan<byte> t)
    {
        var digits = t.Length > 0 && t[0] == '-' ? t[1..] : t;
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9');
    }

    private static bool LooksNonFinite(ReadOnlySpan<byte> t)
    {
        var unsigned = t.Length > 0 && (t[0] == '-' || t[0] == '+') ? t[1..] : t;
        return Ascii.EqualsIgnoreCase(unsigned, "nan"u8) || Ascii.EqualsIgnoreCase(unsigned, "inf"u8)
            || Ascii.EqualsIgnoreCase(unsigned, "infinity"u8);
    }
}
