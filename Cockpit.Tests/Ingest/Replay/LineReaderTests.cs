using System.Text;
using Cockpit.Ingest.Replay;

namespace Cockpit.Tests.Ingest.Replay;

public sealed class LineReaderTests
{
    private static List<(long Number, string Text, bool TooLong)> ReadAll(byte[] content)
    {
        using var reader = new LineReader(new MemoryStream(content));
        var lines = new List<(long, string, bool)>();
        while (reader.TryReadLine(out var line, out var tooLong))
        {
            lines.Add((reader.LineNumber, Encoding.UTF8.GetString(line), tooLong));
        }

        return lines;
    }

    [Fact]
    public void TryReadLine_MixedEndingsBomAndNoFinalNewline_EveryLineNumbered()
    {
        var content = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("a\r\n\nb c\nlast")).ToArray();

        var lines = ReadAll(content);

        Assert.Equal([(1L, "a", false), (2L, "", false), (3L, "b c", false), (4L, "last", false)], lines);
    }

    [Fact]
    public void TryReadLine_LinesAcrossBufferRefills_ReadWhole()
    {
        var expected = Enumerable.Range(0, 20_000).Select(i => $"line {i} " + new string('x', i % 97)).ToList();

        var lines = ReadAll(Encoding.UTF8.GetBytes(string.Join('\n', expected) + "\n"));

        Assert.Equal(expected, lines.Select(l => l.Text));
        Assert.Equal(20_000, lines[^1].Number);
    }

    [Fact]
    public void TryReadLine_LineOverTheLimit_ReportedTooLongAndNextLineRead()
    {
        var content = Encoding.UTF8.GetBytes("first\n" + new string('x', LineReader.MaxLineBytes + 10) + "\nafter\n");

        var lines = ReadAll(content);

        Assert.Equal([(1L, "first", false), (2L, "", true), (3L, "after", false)], lines);
    }

    [Fact]
    public void TryReadLine_Empty_NoLine()
    {
        Assert.Empty(ReadAll([]));
    }
}
