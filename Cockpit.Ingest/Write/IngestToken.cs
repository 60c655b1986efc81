namespace Cockpit.Ingest.Write;

/// <summary>A credential a source writes with; its <see cref="Name"/> becomes the source of every point it sends.</summary>
public sealed class IngestToken
{
    /// <summary>Who writes with it, e.g. <c>telegraf-tianhe</c>. Recorded as the points' source.</summary>
    public string Name { get; set; } = "";

    /// <summary>The secret, sent as <c>Authorization: Token …</c>, as a Basic password, or as the <c>p</c> parameter.</summary>
    public string Secret { get; set; } = "";
}
