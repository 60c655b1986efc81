namespace Cockpit.Detection.Pipeline;

/// <summary>What the detection engine has done so far.</summary>
public sealed record DetectionEngineStatus
{
    /// <summary>Points fed.</summary>
    public long Points { get; init; }

    /// <summary>Values scored (points of per-point rules, closed buckets of bucketed ones).</summary>
    public long ScoredValues { get; init; }

    /// <summary>Points older than their subject's newest value or open bucket; not scored.</summary>
    public long LatePoints { get; init; }

    /// <summary>Points of new series dropped because <see cref="DetectionOptions.MaxSubjects"/> series were routed already.</summary>
    public long SkippedPoints { get; init; }

    /// <summary>New subjects not created because <see cref="DetectionOptions.MaxSubjects"/> existed already.</summary>
    public long RefusedSubjects { get; init; }

    /// <summary>Subjects forgotten after being idle.</summary>
    public long EvictedSubjects { get; init; }

    /// <summary>Subjects watched now.</summary>
    public int Subjects { get; init; }

    /// <summary>Series routed now.</summary>
    public int RoutedSeries { get; init; }
}
