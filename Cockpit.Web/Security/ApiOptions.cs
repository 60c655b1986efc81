using Cockpit.Ingest.Write;

namespace Cockpit.Web.Security;

/// <summary>Who may call the HTTP API (section <c>Cockpit:Api</c>).</summary>
public sealed class ApiOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Cockpit:Api";

    /// <summary>
    /// The secrets of the demo tokens shipped in appsettings.json, one per role, documented in README; Cockpit warns
    /// at start for every token that uses one of them (or the ingest demo secret).
    /// </summary>
    public static IReadOnlyList<string> DemoSecrets { get; } =
    [
        "cockpit-demo-viewer-token",
        "cockpit-demo-oncall-token",
        "cockpit-demo-analyst-token",
        "cockpit-demo-admin-token",
        IngestOptions.DemoSecret,
    ];

    /// <summary>The tokens. Without any, every <c>/api/*</c> request is answered 401.</summary>
    public List<ApiToken> Tokens { get; set; } = [];
}
