using System.Text.Json.Serialization;

namespace Cockpit.Ingest.Http;

/// <summary>
/// The JSON of a refused or partial write. <c>error</c> is what InfluxDB 1.x clients print; <c>code</c> and
/// <c>message</c> are what 2.x clients read; the counts and line are Cockpit's additions.
/// </summary>
internal sealed record IngestErrorBody(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("line"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Line = null,
    [property: JsonPropertyName("accepted"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Accepted = null,
    [property: JsonPropertyName("rejected"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Rejected = null)
{
    [JsonPropertyName("message")]
    public string Message => Error;
}
