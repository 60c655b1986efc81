using System.Text;
using BenchmarkDotNet.Attributes;
using Cockpit.Ingest.Bus;
using Cockpit.Ingest.Series;
using Cockpit.Ingest.Write;
using Microsoft.Extensions.Options;

namespace Cockpit.Bench.Ingest;

/// <summary>
/// Line-protocol decoding on one core: a body of 5 000 lines × 2 fields over 1 000 known series (the steady state of
/// a collector), decoded into a reused buffer. Lines/s = 5 000 / mean; B/line = allocated / 5 000. The baseline only
/// finds the line ends, the least any parser must do, so the ratio shows the parser's own cost on this machine.
/// </summary>
[MemoryDiagnoser]
public class LineProtocolDecoderBench
{
    /// <summary>Lines per payload.</summary>
    public const int Lines = 5_000;

    private byte[] _payload = [];
    private IngestWriter _writer = default!;
    private PointBuffer _buffer = default!;
    private readonly WriteRequest _request = new("bench", PayloadFormat.LineProtocol) { CheckFutureSkew = false };

    [GlobalSetup]
    public void Setup()
    {
        _payload = Encoding.UTF8.GetBytes(BenchPayloads.BusinessLines(Lines, firstLine: 0, series: 1_000));
        var options = Options.Create(new IngestOptions());
        _writer = IngestWriter.ForDecoding(new SeriesRegistry(options), options, TimeProvider.System);
        _buffer = new PointBuffer(Lines * 2);
        Decode();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _buffer.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lines)]
    public int FindLineEnds() => _payload.AsSpan().Count((byte)'\n');

    [Benchmark(OperationsPerInvoke = Lines)]
    public int Decode()
    {
        _buffer.Truncate(0);
        var tally = _writer.DecodeInto(_payload, _request, _buffer);
        return tally.LinesAccepted;
    }
}
