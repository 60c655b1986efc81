namespace Cockpit.Ingest.Model;

/// <summary>Marks set on a point by ingest so that detection can decide how to treat it.</summary>
[Flags]
public enum PointFlags : byte
{
    /// <summary>An ordinary, in-order point.</summary>
    None = 0,

    /// <summary>The point is older than the newest point already seen for its series.</summary>
    OutOfOrder = 1,
}
