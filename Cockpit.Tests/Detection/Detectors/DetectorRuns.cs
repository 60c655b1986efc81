using Cockpit.Detection.Detectors;
using Cockpit.Ingest.Model;
using MathNet.Numerics.Distributions;

namespace Cockpit.Tests.Detection.Detectors;

/// <summary>Shared series builders and feeding helpers for the detector tests.</summary>
internal static class DetectorRuns
{
    /// <summary>Monday 2026-11-23, midnight in China (UTC+8): hour-of-week 0 at the detectors' default offset.</summary>
    public static readonly long ChinaMondayNs = UnixTime.ToNanos(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(8)));

    public static readonly long MinuteNs = UnixTime.ToNanos(TimeSpan.FromMinutes(1));

    public static readonly long HourNs = UnixTime.ToNanos(TimeSpan.FromHours(1));

    public static readonly long DayNs = UnixTime.ToNanos(TimeSpan.FromDays(1));

    /// <summary>Gaussian noise from a fixed seed.</summary>
    public static double[] Gaussian(int seed, int count, double mean = 0, double sigma = 1)
    {
        var values = new double[count];
        Normal.Samples(new Random(seed), values, mean, sigma);
        return values;
    }

    /// <summary>Poisson counts from a fixed seed.</summary>
    public static double[] Poisson(int seed, int count, double mean)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (double)MathNet.Numerics.Distributions.Poisson.Sample(random, mean))];
    }

    /// <summary>Feeds <paramref name="values"/> one per <paramref name="stepNs"/> from <paramref name="startNs"/>.</summary>
    public static DetectorReading[] Feed(ISeriesDetector detector, IReadOnlyList<double> values, long startNs = 0, long? stepNs = null)
    {
        var context = new DetectorContext();
        var step = stepNs ?? MinuteNs;
        var readings = new DetectorReading[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            readings[i] = detector.Observe(startNs + (i * step), values[i], context);
        }

        return readings;
    }

    /// <summary>Index of the first reading from <paramref name="from"/> on scoring at least 0.5; -1 if none.</summary>
    public static int FirstAnomaly(IReadOnlyList<DetectorReading> readings, Direction direction, int from = 0)
    {
        for (var i = from; i < readings.Count; i++)
        {
            if (readings[i].Score(direction) >= AnomalyScale.Edge)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The highest score from <paramref name="from"/> on (0 when nothing was scored).</summary>
    public static double MaxScore(IReadOnlyList<DetectorReading> readings, int from = 0) =>
        readings.Skip(from).Where(r => r.HasOpinion).Select(r => r.Score(Direction.Both)).DefaultIfEmpty(0).Max();

    /// <summary>Bytes allocated on this thread by <paramref name="create"/> (the second of two runs, so nothing JIT-related counts).</summary>
    public static long AllocatedBy(Func<object> create)
    {
        GC.KeepAlive(create());
        var before = GC.GetAllocatedBytesForCurrentThread();
        var created = create();
        var after = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(created);
        return after - before;
    }

    /// <summary>
    /// Feeds <paramref name="values"/> to two fresh detectors, the second also getting NaN, ±∞ and late points between
    /// them, and returns both runs' readings of the clean points (which must be equal) and the readings of the extras.
    /// </summary>
    public static (DetectorReading[] Clean, DetectorReading[] Disturbed, DetectorReading[] Extras) FeedWithAndWithoutJunk(
        Func<ISeriesDetector> create, IReadOnlyList<double> values, long startNs = 0, long? stepNs = null)
    {
        var step = stepNs ?? MinuteNs;
        var clean = Feed(create(), values, startNs, step);
        var detector = create();
        var context = new DetectorContext();
        var disturbed = new DetectorReading[values.Count];
        var extras = new List<DetectorReading>();
        for (var i = 0; i < values.Count; i++)
        {
            var timestampNs = startNs + (i * step);
            if (i % 7 == 3)
            {
                extras.Add(detector.Observe(timestampNs, double.NaN, context));
                extras.Add(detector.Observe(timestampNs, double.PositiveInfinity, context));
                extras.Add(detector.Observe(timestampNs, double.NegativeInfinity, context));
            }

            disturbed[i] = detector.Observe(timestampNs, values[i], context);
            if (i % 5 == 2)
            {
                // Late: older than the point just seen, with a wild value that would move any baseline.
                extras.Add(detector.Observe(timestampNs - 1, values[i] + 1e6, context));
            }
        }

        return (clean, disturbed, [.. extras]);
    }

    /// <summary>Bytes allocated on this thread by <paramref name="observe"/> after one warm-up call.</summary>
    public static long AllocatedDuring(Action observe)
    {
        observe();
        var before = GC.GetAllocatedBytesForCurrentThread();
        observe();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
