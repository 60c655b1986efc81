namespace Cockpit.Ingest.Configuration;

/// <summary>Top-level settings of the <c>Cockpit</c> configuration section.</summary>
public sealed class CockpitOptions
{
    /// <summary>The configuration section every Cockpit setting lives under.</summary>
    public const string SectionName = "Cockpit";

    /// <summary>Folder for the embedded store, spools and other state; relative paths resolve against the working directory.</summary>
    public string DataDir { get; set; } = "./data";

    /// <summary>The absolute data folder.</summary>
    public string ResolveDataDir() => Path.GetFullPath(DataDir);
}
