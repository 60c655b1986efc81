using Cockpit.Ingest.Storage;

namespace Cockpit.Web.Explore;

/// <summary>One line of an explore view: a group's buckets and, when comparing, its comparison buckets moved onto the current range.</summary>
/// <param name="Name">The group's tag value (or the field when the view is not grouped); data, render as text.</param>
/// <param name="Points">The current range's non-empty buckets in time order.</param>
/// <param name="Comparison">The comparison range's buckets, their times shifted forward by the comparison shift; empty without a comparison.</param>
public sealed record ExploreLine(string Name, IReadOnlyList<BucketValue> Points, IReadOnlyList<BucketValue> Comparison);
