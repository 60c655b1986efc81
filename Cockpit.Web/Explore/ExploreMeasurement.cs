namespace Cockpit.Web.Explore;

/// <summary>A measurement the store knows, with its fields and tag keys (each in ordinal order).</summary>
public sealed record ExploreMeasurement(string Name, IReadOnlyList<string> Fields, IReadOnlyList<string> TagKeys);
