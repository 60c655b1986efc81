using BenchmarkDotNet.Attributes;
using Cockpit.Detection.Detectors;

namespace Cockpit.Bench.Detection;

/// <summary>The per-value detection step of a surge detector against a full 64-value window. Must not allocate.</summary>
[MemoryDiagnoser]
public class SurgeDetectorBench
{
    private readonly double[] _values = new double[4096];
    private readonly DetectorContext _context = new();
    private SurgeDetector _detector = default!;
    private int _next;
    private long _time = 64;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        for (var i = 0; i < _values.Length; i++)
        {
            _values[i] = random.Next(5, 20);
        }

        _detector = new SurgeDetector(new SurgeDetectorOptions { CountData = true });
        for (var i = 0; i < 64; i++)
        {
            _detector.Observe(i, _values[i], _context);
        }
    }

    [Benchmark]
    public double Observe()
    {
        _next = (_next + 1) & (_values.Length - 1);
        return _detector.Observe(_time++, _values[_next], _context).Up;
    }
}
