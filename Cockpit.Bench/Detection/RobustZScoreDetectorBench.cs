using BenchmarkDotNet.Attributes;
using Cockpit.Detection.Detectors;

namespace Cockpit.Bench.Detection;

/// <summary>The per-bucket detection step: one robust z-score against a full 60-value window. Must not allocate.</summary>
[MemoryDiagnoser]
public class RobustZScoreDetectorBench
{
    private readonly double[] _values = new double[4096];
    private RobustZScoreDetector _detector = default!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        for (var i = 0; i < _values.Length; i++)
        {
            _values[i] = random.Next(5, 20);
        }

        _detector = new RobustZScoreDetector(window: 60, minHistory: 20, threshold: 4.5);
        for (var i = 0; i < 60; i++)
        {
            _detector.Observe(_values[i]);
        }
    }

    [Benchmark]
    public double Observe()
    {
        _next = (_next + 1) & (_values.Length - 1);
        return _detector.Observe(_values[_next]).Value;
    }
}
